/**
 * The demo project built on the first start: a real Salesforce export as the source, a
 * demo CRM database as the sandbox target, with its dictionary, a draft scope and a
 * complete mapping.
 */
package dev.switchyard.demo;
