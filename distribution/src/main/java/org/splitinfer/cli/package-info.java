/** The {@code splitinfer} command-line tool. */
package org.splitinfer.cli;
