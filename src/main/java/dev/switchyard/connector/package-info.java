/**
 * The connector SPI: how Switchyard reads a source system's schema and records, and the
 * values a target is written with ({@link dev.switchyard.connector.TargetRecord},
 * {@link dev.switchyard.connector.WriteResult} and their kin). One sub-package per system
 * type: {@code csv}, {@code xlsx}, {@code sobjecttree}, {@code jdbc}. Each offers a
 * {@link dev.switchyard.connector.ConnectorProvider} bean; the extraction and dictionary
 * features only ever talk to this package's types.
 */
package dev.switchyard.connector;
