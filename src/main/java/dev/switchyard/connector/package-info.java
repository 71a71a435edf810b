/**
 * The connector SPI: how Switchyard reads a source system's schema and records (and,
 * later, loads a target). One sub-package per system type: {@code csv}, {@code xlsx},
 * {@code sobjecttree}, {@code jdbc}. Each offers a
 * {@link dev.switchyard.connector.ConnectorProvider} bean; the extraction and dictionary
 * features only ever talk to this package's types.
 */
package dev.switchyard.connector;
