package dev.qapi.generator.doc;

import dev.qapi.generator.doc.Page.Badge;
import dev.qapi.generator.doc.Page.EntrySection;
import dev.qapi.generator.doc.Page.Field;
import dev.qapi.generator.doc.Page.Fields;
import dev.qapi.generator.doc.Page.Pointer;
import dev.qapi.generator.markup.Block;
import dev.qapi.generator.markup.DocMarkup;
import dev.qapi.generator.markup.Inline;
import dev.qapi.parser.doc.Doc;
import dev.qapi.parser.schema.AlternateType;
import dev.qapi.parser.schema.Branch;
import dev.qapi.parser.schema.Command;
import dev.qapi.parser.schema.Definition;
import dev.qapi.parser.schema.EnumType;
import dev.qapi.parser.schema.EnumValue;
import dev.qapi.parser.schema.Event;
import dev.qapi.parser.schema.Feature;
import dev.qapi.parser.schema.IfCond;
import dev.qapi.parser.schema.Member;
import dev.qapi.parser.schema.ObjectType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The reference entry of a definition, laid out as QEMU's reference lays it out: the description, the
 * members (a command's or event's inline arguments listed on it, named argument types, bases and union
 * branches as "The members of T" pointers), the features, then the other sections in their order
 * ({@code Returns}, {@code Errors}, notes, examples). {@code Since} goes to the entry's heading; {@code TODO}
 * sections are for the schema's maintainers and are left out.
 */
final class Entries {
    private static final List<Block> NOT_DOCUMENTED =
            List.of(new Block.Paragraph(List.of(new Inline.Emphasis("Not documented"))));

    private final SiteMap site;
    private final DocMarkup markup;

    Entries(SiteMap site, DocMarkup markup) {
        this.site = site;
        this.markup = markup;
    }

    Page.Entry entry(Definition d) {
        Doc doc = d.doc();
        String id = SiteMap.anchor(d);
        List<EntrySection> sections = new ArrayList<>();
        if (doc != null && !doc.body().text().isBlank()) {
            sections.add(new Page.Text(markup.blocks(doc.body().text(), false)));
        }
        members(d, id, doc, sections);
        features(d, doc, sections);
        boolean returnsWritten = doc != null && doc.returns().isPresent();
        if (d instanceof Command c && c.retTypeName() != null && !returnsWritten) {
            sections.add(new Page.Returns(site.type(c.retTypeName()), List.of()));
        }
        if (doc != null) {
            for (Doc.Section s : doc.otherSections()) {
                switch (s.kind()) {
                    case PLAIN -> sections.add(new Page.Text(markup.blocks(s.text(), false)));
                    case RETURNS -> sections.add(new Page.Returns(
                            d instanceof Command c && c.retTypeName() != null ? site.type(c.retTypeName()) : List.of(),
                            markup.blocks(s.text(), true)));
                    case ERRORS -> sections.add(new Page.Labelled("Errors", markup.blocks(s.text(), true)));
                    default -> {
                        // SINCE is shown with the name; TODO is not for readers of the reference.
                    }
                }
            }
        }
        List<Inline> since = doc == null ? List.of() : doc.since().map(s -> markup.line(s.text())).orElse(List.of());
        return new Page.Entry(id, kind(d), d.name(), since, badges(d), sections);
    }

    private static String kind(Definition d) {
        String meta = d.meta();
        return Character.toUpperCase(meta.charAt(0)) + meta.substring(1);
    }

    private List<Badge> badges(Definition d) {
        List<Badge> out = new ArrayList<>(specialFeatures(d.features()));
        condition(d.ifcond(), out);
        if (d instanceof Command c) {
            if (c.allowOob()) {
                out.add(new Badge(Badge.Kind.FLAG, "allow-oob"));
            }
            if (c.allowPreconfig()) {
                out.add(new Badge(Badge.Kind.FLAG, "allow-preconfig"));
            }
            if (!c.successResponse()) {
                out.add(new Badge(Badge.Kind.FLAG, "no success response"));
            }
        }
        return out;
    }

    private void members(Definition d, String id, Doc doc, List<EntrySection> out) {
        if (d instanceof Command c) {
            arguments("Arguments", c.argTypeName(), id, doc, out);
        } else if (d instanceof Event e) {
            arguments("Data", e.argTypeName(), id, doc, out);
        } else if (d instanceof EnumType t) {
            List<Field> values = new ArrayList<>();
            for (EnumValue v : t.values()) {
                List<Badge> badges = featureBadges(v.features());
                condition(v.ifcond(), badges);
                values.add(new Field(id + "." + v.name(), v.name(), List.of(), false, badges, described(doc, v.name())));
            }
            out.add(new Fields("Values", false, values, List.of()));
        } else if (d instanceof AlternateType t) {
            List<Field> alternatives = new ArrayList<>();
            for (Branch b : t.alternatives().branches()) {
                List<Badge> badges = new ArrayList<>();
                condition(b.ifcond(), badges);
                alternatives.add(new Field(id + "." + b.name(), b.name(), site.type(b.typeName()), false, badges,
                        described(doc, b.name())));
            }
            out.add(new Fields("Alternatives", true, alternatives, List.of()));
        } else if (d instanceof ObjectType o) {
            object(o, id, doc, out);
        }
    }

    /** A command's arguments or an event's data: listed when inline, a pointer when a named type. */
    private void arguments(String title, String argTypeName, String id, Doc doc, List<EntrySection> out) {
        if (argTypeName == null) {
            return;
        }
        ObjectType args = site.schema().objectType(argTypeName);
        if (!args.isImplicit()) {
            out.add(new Fields(title, true, List.of(), List.of(membersOf(argTypeName, List.of()))));
        } else if (!args.members().isEmpty()) {
            out.add(new Fields(title, true, fields(args.members(), id, doc, null), List.of()));
        }
    }

    private void object(ObjectType o, String id, Doc doc, List<EntrySection> out) {
        boolean inlineBase = o.baseName() != null && site.schema().type(o.baseName()).isImplicit();
        List<Pointer> pointers = new ArrayList<>();
        if (o.baseName() != null && !inlineBase) {
            pointers.add(membersOf(o.baseName(), List.of()));
        }
        String tag = o.isUnion() ? o.variants().tagMember().name() : null;
        if (o.isUnion()) {
            for (Branch b : o.variants().branches()) {
                if (!b.typeName().equals("q_empty")) {
                    pointers.add(branch(tag, b));
                }
            }
        }
        List<Field> fields = fields(inlineBase ? o.members() : o.localMembers(), id, doc, tag);
        if (!fields.isEmpty() || !pointers.isEmpty()) {
            out.add(new Fields("Members", true, fields, pointers));
        }
    }

    /** "When {@code tag} is {@code value}: the members of T." */
    private Pointer branch(String tag, Branch b) {
        List<Badge> badges = new ArrayList<>();
        condition(b.ifcond(), badges);
        List<Inline> text = new ArrayList<>(List.of(new Inline.Text("When "), new Inline.Code(tag),
                new Inline.Text(" is "), new Inline.Code(b.name()), new Inline.Text(": the members of ")));
        text.addAll(site.type(b.typeName()));
        text.add(new Inline.Text("."));
        return new Pointer(text, badges);
    }

    private Pointer membersOf(String typeName, List<Badge> badges) {
        List<Inline> text = new ArrayList<>();
        text.add(new Inline.Text("The members of "));
        text.addAll(site.type(typeName));
        text.add(new Inline.Text("."));
        return new Pointer(text, badges);
    }

    /** Fields for members; the union's discriminator (when listed here) is marked as such. */
    private List<Field> fields(List<Member> members, String id, Doc doc, String discriminator) {
        List<Field> out = new ArrayList<>();
        for (Member m : members) {
            List<Badge> badges = new ArrayList<>();
            if (m.name().equals(discriminator)) {
                badges.add(new Badge(Badge.Kind.FLAG, "discriminator"));
            }
            badges.addAll(featureBadges(m.features()));
            condition(m.ifcond(), badges);
            out.add(new Field(id + "." + m.name(), m.name(), site.type(m.typeName()), m.optional(), badges,
                    described(doc, m.name())));
        }
        return out;
    }

    /** The documented features in the doc's order, then any the doc leaves out. */
    private void features(Definition d, Doc doc, List<EntrySection> out) {
        Map<String, Feature> own = new LinkedHashMap<>();
        d.features().forEach(f -> own.put(f.name(), f));
        Map<String, Doc.Section> documented = doc == null ? Map.of() : doc.features();
        List<Field> fields = new ArrayList<>();
        for (Doc.Section s : documented.values()) {
            Feature f = own.remove(s.name());
            List<Badge> badges = new ArrayList<>();
            if (f != null) {
                condition(f.ifcond(), badges);
            }
            fields.add(new Field(null, s.name(), List.of(), false, badges, markup.blocks(s.text(), true)));
        }
        for (Feature f : own.values()) {
            List<Badge> badges = new ArrayList<>();
            condition(f.ifcond(), badges);
            fields.add(new Field(null, f.name(), List.of(), false, badges, NOT_DOCUMENTED));
        }
        if (!fields.isEmpty()) {
            out.add(new Fields("Features", false, fields, List.of()));
        }
    }

    private List<Block> described(Doc doc, String name) {
        Doc.Section s = doc == null ? null : doc.args().get(name);
        return s == null || s.text().isBlank() ? NOT_DOCUMENTED : markup.blocks(s.text(), true);
    }

    private static List<Badge> specialFeatures(List<Feature> features) {
        List<Badge> out = new ArrayList<>();
        for (Feature f : features) {
            if (f.name().equals("deprecated")) {
                out.add(new Badge(Badge.Kind.DEPRECATED, "deprecated"));
            } else if (f.name().equals("unstable")) {
                out.add(new Badge(Badge.Kind.UNSTABLE, "unstable"));
            }
        }
        return out;
    }

    private static List<Badge> featureBadges(List<Feature> features) {
        List<Badge> out = specialFeatures(features);
        for (Feature f : features) {
            if (!f.isSpecial()) {
                out.add(new Badge(Badge.Kind.FEATURE, f.name()));
            }
        }
        return out;
    }

    private static void condition(IfCond ifcond, List<Badge> out) {
        if (ifcond.isPresent()) {
            out.add(new Badge(Badge.Kind.CONDITION, "if " + describe(ifcond, false)));
        }
    }

    /** A condition in words: {@code CONFIG_A and (CONFIG_B or not CONFIG_C)}. */
    static String describe(IfCond c, boolean nested) {
        String text;
        if (c instanceof IfCond.Name n) {
            return n.symbol();
        } else if (c instanceof IfCond.Not n) {
            return "not " + describe(n.operand(), true);
        } else if (c instanceof IfCond.All a) {
            text = String.join(" and ", a.operands().stream().map(o -> describe(o, true)).toList());
        } else if (c instanceof IfCond.Any a) {
            text = String.join(" or ", a.operands().stream().map(o -> describe(o, true)).toList());
        } else {
            return "";
        }
        return nested ? "(" + text + ")" : text;
    }
}
