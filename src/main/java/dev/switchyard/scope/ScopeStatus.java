package dev.switchyard.scope;

/**
 * Where a scope version stands. Only a DRAFT changes; saving any other latest version
 * creates the next draft.
 */
public enum ScopeStatus {

    DRAFT, SUBMITTED, APPROVED, REJECTED

}
