/**
 * The compatibility kit every SplitInfer hardware plugin runs: extend
 * {@link org.splitinfer.testkit.AcceleratorProviderContract} in the plugin's tests.
 */
package org.splitinfer.testkit;
