package dev.qapi.parser.schema;

import dev.qapi.parser.QapiError;
import dev.qapi.parser.SourceInfo;
import dev.qapi.parser.expr.Pragma;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The schema while it is being built: the entities in definition order, the namespace of definitions, the
 * modules and the features seen so far. What the drafts consult to resolve names.
 */
final class DraftSchema {
    private final Pragma pragma;
    private final String schemaDir;
    private final List<DraftEntity> entities = new ArrayList<>();
    private final Map<String, DraftDefinition> definitions = new HashMap<>();
    private final Map<String, List<DraftEntity>> modules = new LinkedHashMap<>();
    /** Feature name to the first feature of that name, in order of first use. */
    private final Map<String, DraftMember> features = new LinkedHashMap<>();
    /** File name to module name: the path arithmetic is done once per file, not once per entity. */
    private final Map<String, String> moduleNames = new HashMap<>();

    DraftSchema(String rootFile, Pragma pragma) {
        this.pragma = pragma;
        int slash = rootFile.lastIndexOf('/');
        this.schemaDir = slash < 0 ? "" : rootFile.substring(0, slash);
        for (String special : Feature.SPECIAL_NAMES) {
            features.put(special, DraftMember.feature(special, null, IfCond.ALWAYS));
        }
        makeModule(Module.BUILTIN);
        makeModule(rootFile);
    }

    Pragma pragma() {
        return pragma;
    }

    List<DraftEntity> entities() {
        return entities;
    }

    void defineInclude(DraftInclude include) {
        entities.add(include);
    }

    /** Adds {@code defn} to the namespace, which must not hold its name yet. */
    void define(DraftDefinition defn) {
        entities.add(defn);
        DraftDefinition other = definitions.get(defn.name);
        if (other != null) {
            if (other.info != null) {
                throw QapiError.semantic(defn.info, "'" + defn.name + "' is already defined\n"
                        + other.info + ": previous definition");
            }
            throw QapiError.semantic(defn.info, other.describe() + " is already defined");
        }
        definitions.put(defn.name, defn);
    }

    DraftDefinition lookupEntity(String name) {
        return definitions.get(name);
    }

    DraftType lookupType(String name) {
        return definitions.get(name) instanceof DraftType t ? t : null;
    }

    /** The type named {@code name}; if there is none, {@code WHAT uses unknown type 'NAME'} at {@code info}. */
    DraftType resolveType(String name, SourceInfo info, String what) {
        DraftType type = lookupType(name);
        if (type == null) {
            throw unknownType(name, info, what);
        }
        return type;
    }

    /** {@code WHAT uses unknown type 'NAME'}, for callers whose description is only worth making for it. */
    static QapiError unknownType(String name, SourceInfo info, String what) {
        return QapiError.semantic(info, what + " uses unknown type '" + name + "'");
    }

    /** Records the first use of each feature name. */
    void noteFeature(DraftMember feature) {
        features.putIfAbsent(feature.name, feature);
    }

    /** QEMU's generated code has room for 64 feature flags. */
    void checkFeatureCount() {
        List<DraftMember> all = new ArrayList<>(features.values());
        if (all.size() > 64) {
            throw QapiError.semantic(all.get(64).info, "Maximum of 64 schema features is permitted");
        }
    }

    List<String> featureNames() {
        return List.copyOf(features.keySet());
    }

    /** Registers the module of file {@code fname}, keeping the order of first registration. */
    String makeModule(String fname) {
        String name = moduleName(fname);
        if (!modules.containsKey(name)) {
            modules.put(name, new ArrayList<>());
        }
        return name;
    }

    /** Adds {@code entity} to the module of its file. */
    void assignModule(DraftEntity entity) {
        String fname = entity.moduleFile();
        List<DraftEntity> module = modules.get(moduleName(fname == null ? Module.BUILTIN : fname));
        if (module == null) {
            throw new IllegalStateException("no module for " + fname);
        }
        module.add(entity);
    }

    Map<String, List<DraftEntity>> modules() {
        return modules;
    }

    /** {@code ./builtin} as is; a file, relative to the main schema's directory (Python's {@code relpath}). */
    private String moduleName(String fname) {
        if (fname.startsWith("./")) {
            return fname;
        }
        String name = moduleNames.get(fname);
        if (name == null) {
            name = relativeToSchemaDir(fname);
            moduleNames.put(fname, name);
        }
        return name;
    }

    private String relativeToSchemaDir(String fname) {
        Path file = Path.of(fname).toAbsolutePath().normalize();
        Path dir = Path.of(schemaDir).toAbsolutePath().normalize();
        String rel = dir.relativize(file).toString();
        return rel.isEmpty() ? "." : rel;
    }
}
