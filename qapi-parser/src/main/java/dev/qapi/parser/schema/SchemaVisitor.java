package dev.qapi.parser.schema;

/**
 * A walk over a {@link Schema}, module by module, as {@link Schema#visit(SchemaVisitor)} drives it. Every
 * method does nothing by default; a generator overrides what it needs.
 */
public interface SchemaVisitor {

    /** Called once, before anything else. */
    default void visitBegin(Schema schema) {
    }

    /** Called once, after everything else. */
    default void visitEnd() {
    }

    /** Called for each module, before its entities. */
    default void visitModule(Module module) {
    }

    /** Whether {@code entity} is to be visited; everything is by default. */
    default boolean visitNeeded(Entity entity) {
        return true;
    }

    default void visitInclude(Include include) {
    }

    default void visitBuiltinType(BuiltinType type) {
    }

    default void visitEnumType(EnumType type) {
    }

    default void visitArrayType(ArrayType type) {
    }

    default void visitObjectType(ObjectType type) {
    }

    default void visitAlternateType(AlternateType type) {
    }

    default void visitCommand(Command command) {
    }

    default void visitEvent(Event event) {
    }
}
