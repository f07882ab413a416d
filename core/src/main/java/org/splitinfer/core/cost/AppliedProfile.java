package org.splitinfer.core.cost;

/**
 * The profile a stack runs with on one family, and why.
 *
 * @param profile the kernel efficiency and step overhead
 * @param source  where it comes from
 * @param stack   the stack whose fitted figures it is (the named stack, or the family's usual one), or null
 */
public record AppliedProfile(StackProfile profile, ProfileSource source, String stack) {
}
