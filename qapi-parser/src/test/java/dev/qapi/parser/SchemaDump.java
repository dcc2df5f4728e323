package dev.qapi.parser;

import dev.qapi.parser.doc.Doc;
import dev.qapi.parser.schema.AlternateType;
import dev.qapi.parser.schema.ArrayType;
import dev.qapi.parser.schema.Branch;
import dev.qapi.parser.schema.Command;
import dev.qapi.parser.schema.Entity;
import dev.qapi.parser.schema.EnumType;
import dev.qapi.parser.schema.EnumValue;
import dev.qapi.parser.schema.Event;
import dev.qapi.parser.schema.Feature;
import dev.qapi.parser.schema.IfCond;
import dev.qapi.parser.schema.Include;
import dev.qapi.parser.schema.Member;
import dev.qapi.parser.schema.Module;
import dev.qapi.parser.schema.ObjectType;
import dev.qapi.parser.schema.Schema;
import dev.qapi.parser.schema.SchemaVisitor;
import dev.qapi.parser.schema.Variants;
import java.util.List;

/**
 * Renders a {@link Schema} in the text form of {@code tools/qemu-oracle/DUMP-FORMAT.md}, so that tests can
 * compare our model with what QEMU's own front end makes of the same schema.
 */
public final class SchemaDump implements SchemaVisitor {
    private final StringBuilder out = new StringBuilder();

    private SchemaDump() {
    }

    /** The dump of {@code schema}: its modules and entities, then its connected documentation. */
    public static String dump(Schema schema) {
        SchemaDump dump = new SchemaDump();
        schema.visit(dump);
        for (Doc doc : schema.docs()) {
            dump.doc(doc);
        }
        return dump.out.toString();
    }

    @Override
    public boolean visitNeeded(Entity entity) {
        // Predefined types have no source info and are left out.
        return entity.info() != null;
    }

    @Override
    public void visitModule(Module module) {
        line(0, "module " + module.name());
    }

    @Override
    public void visitInclude(Include include) {
        line(0, "include " + include.moduleName());
    }

    @Override
    public void visitEnumType(EnumType type) {
        line(0, "enum " + type.name());
        if (type.prefix() != null) {
            line(1, "prefix " + type.prefix());
        }
        for (EnumValue value : type.values()) {
            line(1, "member " + value.name());
            ifcond(2, value.ifcond());
            features(2, value.features());
        }
        ifcond(1, type.ifcond());
        features(1, type.features());
    }

    @Override
    public void visitArrayType(ArrayType type) {
        line(0, "array " + type.name() + " " + type.elementTypeName());
        ifcond(1, type.ifcond());
    }

    @Override
    public void visitObjectType(ObjectType type) {
        line(0, "object " + type.name());
        if (type.baseName() != null) {
            line(1, "base " + type.baseName());
        }
        for (Member m : type.localMembers()) {
            line(1, "member " + m.name() + ": " + m.typeName() + " optional=" + bool(m.optional()));
            ifcond(2, m.ifcond());
            features(2, m.features());
        }
        variants(type.variants());
        ifcond(1, type.ifcond());
        features(1, type.features());
    }

    @Override
    public void visitAlternateType(AlternateType type) {
        line(0, "alternate " + type.name());
        variants(type.alternatives());
        ifcond(1, type.ifcond());
        features(1, type.features());
    }

    @Override
    public void visitCommand(Command c) {
        line(0, "command " + c.name() + " " + orNone(c.argTypeName()) + " -> " + orNone(c.retTypeName()));
        line(1, "gen=" + bool(c.gen()) + " success_response=" + bool(c.successResponse())
                + " boxed=" + bool(c.boxed()) + " oob=" + bool(c.allowOob())
                + " preconfig=" + bool(c.allowPreconfig()) + " coroutine=" + bool(c.coroutine()));
        ifcond(1, c.ifcond());
        features(1, c.features());
    }

    @Override
    public void visitEvent(Event e) {
        line(0, "event " + e.name() + " " + orNone(e.argTypeName()));
        line(1, "boxed=" + bool(e.boxed()));
        ifcond(1, e.ifcond());
        features(1, e.features());
    }

    private void variants(Variants variants) {
        if (variants == null) {
            return;
        }
        line(1, "tag " + variants.tagMember().name());
        for (Branch b : variants.branches()) {
            line(1, "case " + b.name() + ": " + b.typeName());
            ifcond(2, b.ifcond());
        }
    }

    private void doc(Doc doc) {
        line(0, doc.symbol() != null ? "doc symbol=" + doc.symbol() : "doc freeform");
        List<Doc.Section> sections = doc.sections();
        for (int i = 0; i < sections.size(); i++) {
            Doc.Section s = sections.get(i);
            String header;
            if (i == 0) {
                header = "body=";
            } else if (s.kind() == Doc.Kind.MEMBER) {
                header = "arg=" + s.name();
            } else if (s.kind() == Doc.Kind.FEATURE) {
                header = "feature=" + s.name();
            } else {
                header = "section=" + s.kind().title();
            }
            line(1, header);
            if (!s.text().isEmpty()) {
                out.append(s.text()).append('\n');
            }
        }
    }

    private void ifcond(int level, IfCond ifcond) {
        if (ifcond.isPresent()) {
            line(level, "if " + ifcond);
        }
    }

    private void features(int level, List<Feature> features) {
        for (Feature f : features) {
            line(level, "feature " + f.name());
            ifcond(level + 1, f.ifcond());
        }
    }

    private void line(int level, String text) {
        out.append("    ".repeat(level)).append(text).append('\n');
    }

    private static String orNone(String name) {
        return name == null ? "None" : name;
    }

    private static String bool(boolean b) {
        return b ? "True" : "False";
    }
}
