/** Rendered reports: tables and plots whose output is byte-stable for the same input. */
package org.splitinfer.core.report;
