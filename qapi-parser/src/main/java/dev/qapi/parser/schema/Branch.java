package dev.qapi.parser.schema;

/**
 * One branch of a union (a value of the discriminator enum and the object type that goes with it) or
 * one alternative of an alternate.
 *
 * @param name the discriminator value (unions) or the alternative's name (alternates)
 * @param typeName the name of the branch's type, resolved with {@link Schema#type(String)}
 * @param ifcond the condition under which the branch exists
 */
public record Branch(String name, String typeName, IfCond ifcond) {
}
