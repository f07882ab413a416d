/**
 * Rendered reports, byte-stable for the same input: the roofline analysis and its SVG, the HTML pages of a plan and
 * of a comparison with their charts, and {@link org.splitinfer.core.report.Words}, the sentences for core's typed
 * records that the command-line tool shares.
 */
package org.splitinfer.core.report;
