package dev.qapi.generator.doc;

import dev.qapi.generator.markup.Inline;
import dev.qapi.parser.SourceInfo;
import dev.qapi.parser.doc.Doc;
import dev.qapi.parser.schema.ArrayType;
import dev.qapi.parser.schema.Command;
import dev.qapi.parser.schema.Definition;
import dev.qapi.parser.schema.Entity;
import dev.qapi.parser.schema.Event;
import dev.qapi.parser.schema.Include;
import dev.qapi.parser.schema.Module;
import dev.qapi.parser.schema.Schema;
import dev.qapi.parser.schema.SchemaType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where everything goes: one page per module that has something to show, one anchor per definition
 * ({@code command-NAME}, {@code event-NAME}, {@code type-NAME}), and links to them. Implicit types (built-ins,
 * arrays, {@code q_obj_*}, {@code q_empty}) have no entry: their content is shown where it is used.
 */
final class SiteMap {
    private static final Pattern HEADING = Pattern.compile("(=+) +(.*)");

    private final Schema schema;
    private final Map<String, String> pages = new LinkedHashMap<>();
    private final Map<String, List<Doc>> freeForm = new LinkedHashMap<>();

    private SiteMap(Schema schema) {
        this.schema = schema;
    }

    static SiteMap of(Schema schema) {
        SiteMap site = new SiteMap(schema);
        List<Include> includes = new ArrayList<>();
        for (Entity e : schema.entities()) {
            if (e instanceof Include i) {
                includes.add(i);
            }
        }
        String root = schema.modules().stream().filter(m -> !m.isBuiltin()).findFirst().map(Module::name).orElse("");
        for (Doc doc : schema.docs()) {
            if (!doc.isDefinitionDoc()) {
                String module = moduleOfFile(doc.info(), includes, root);
                site.freeForm.computeIfAbsent(module, k -> new ArrayList<>()).add(doc);
            }
        }
        Set<String> taken = new HashSet<>(Set.of("index"));
        for (Module m : schema.modules()) {
            boolean shown = !m.isBuiltin() && (site.freeForm.containsKey(m.name())
                    || m.entities().stream().anyMatch(SiteMap::hasEntry));
            if (shown) {
                site.pages.put(m.name(), unique(pageName(m.name()), taken));
            }
        }
        return site;
    }

    /** A free-form doc's module: the root module, or the one its file's {@code include} directive names. */
    private static String moduleOfFile(SourceInfo info, List<Include> includes, String root) {
        if (info.parent() == null) {
            return root;
        }
        return includes.stream().filter(i -> i.info().samePlace(info.parent())).findFirst()
                .map(Include::moduleName).orElse(root);
    }

    private static String pageName(String module) {
        String base = module.endsWith(".json") ? module.substring(0, module.length() - 5) : module;
        String name = base.replaceAll("[^A-Za-z0-9_.-]+", "-").replaceAll("^[.-]+", "");
        return name.isEmpty() ? "module" : name;
    }

    private static String unique(String name, Set<String> taken) {
        String candidate = name;
        for (int n = 2; !taken.add(candidate.toLowerCase(Locale.ROOT)); n++) {
            candidate = name + "-" + n;
        }
        return candidate;
    }

    /** Whether the entity gets an entry of its own: a definition the schema writer wrote. */
    static boolean hasEntry(Entity entity) {
        return entity instanceof Definition d && !d.isImplicit();
    }

    Schema schema() {
        return schema;
    }

    /** The modules that have a page, in the schema's order. */
    List<Module> modules() {
        return schema.modules().stream().filter(m -> pages.containsKey(m.name())).toList();
    }

    /** The page name of a module that has one. */
    String page(Module module) {
        return pages.get(module.name());
    }

    /** The module's free-form docs, in textual order. */
    List<Doc> freeForm(Module module) {
        return freeForm.getOrDefault(module.name(), List.of());
    }

    /** The module's first heading, or its file name. */
    String title(Module module) {
        for (Doc doc : freeForm(module)) {
            Optional<String> h = heading(doc).map(Page.Heading::text);
            if (h.isPresent()) {
                return h.get();
            }
        }
        return module.name();
    }

    /** The heading a free-form doc starts with ({@code = Title}), without an id. */
    static Optional<Page.Heading> heading(Doc doc) {
        String first = doc.body().text().lines().findFirst().orElse("");
        Matcher m = HEADING.matcher(first);
        return m.matches() ? Optional.of(new Page.Heading(m.group(1).length(), "", m.group(2).strip()))
                : Optional.empty();
    }

    /** The element id of a definition's entry. */
    static String anchor(Definition d) {
        String prefix = d instanceof Command ? "command-" : d instanceof Event ? "event-" : "type-";
        return prefix + d.name();
    }

    /** The link to the entry of the definition named {@code name}, if it has one. */
    Optional<Inline.Link> link(String name) {
        return schema.lookupEntity(name).filter(SiteMap::hasEntry).map(this::link);
    }

    Inline.Link link(Definition d) {
        return new Inline.Link(d.name(), true, pages.get(schema.moduleOf(d).name()), anchor(d));
    }

    /** How a type is shown: linked when it has an entry, {@code [T]} for arrays, built-ins as code. */
    List<Inline> type(String typeName) {
        SchemaType t = schema.type(typeName);
        if (t instanceof ArrayType a) {
            List<Inline> out = new ArrayList<>();
            out.add(new Inline.Text("["));
            out.addAll(type(a.elementTypeName()));
            out.add(new Inline.Text("]"));
            return out;
        }
        return List.of(hasEntry(t) ? link(t) : new Inline.Code(t.name()));
    }
}
