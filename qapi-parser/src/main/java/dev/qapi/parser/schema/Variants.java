package dev.qapi.parser.schema;

import java.util.List;

/**
 * The variant part of a union or an alternate.
 *
 * <p>For a union, the tag member is the discriminator (a base member of enum type) and there is one branch
 * per enum value: the ones written, then an implicit {@code q_empty} branch for each value left out, in
 * enum order. For an alternate, the tag member is the implicit {@code type} member of enum type
 * {@code QType} and the branches are the alternatives.
 *
 * @param tagMember the member whose value selects the branch
 * @param branches every branch, in order
 */
public record Variants(Member tagMember, List<Branch> branches) {
    public Variants {
        branches = List.copyOf(branches);
    }
}
