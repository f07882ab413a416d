/**
 * The installed hardware: plugins discovered on the class path and in plugin directories, and the accelerators
 * they provide. Public API of splitinfer-core: no Guice or Jackson types appear here.
 */
package org.splitinfer.core.hardware;
