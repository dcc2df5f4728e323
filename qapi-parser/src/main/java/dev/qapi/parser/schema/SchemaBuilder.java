package dev.qapi.parser.schema;

import dev.qapi.parser.QapiError;
import dev.qapi.parser.doc.Doc;
import dev.qapi.parser.expr.Expression;
import dev.qapi.parser.expr.Pragma;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the {@link Schema} from checked and normalized expressions, in QEMU's phases: predefined types,
 * then one definition per expression (implicit types first), then the whole-schema checks, documentation
 * connection, module assignment, documentation checks and the feature limit.
 */
public final class SchemaBuilder {
    private final DraftSchema schema;
    private final Map<Doc, DocDraft> docDrafts = new IdentityHashMap<>();
    private final List<Doc> docs;
    private final DefinitionMaker maker;

    private SchemaBuilder(String rootFile, List<Doc> docs, Pragma pragma) {
        this.schema = new DraftSchema(rootFile, pragma);
        this.docs = List.copyOf(docs);
        for (Doc doc : this.docs) {
            docDrafts.put(doc, new DocDraft(doc, pragma.documentationExceptions()));
        }
        this.maker = new DefinitionMaker(schema, docDrafts);
    }

    /**
     * Builds and checks the schema.
     *
     * @param rootFile the main schema file as given on the command line
     * @param expressions every expression in parse order, checked and normalized as QEMU's {@code expr.py}
     *     leaves them, include directives included
     * @param docs every documentation block in textual order; an expression's doc is one of these
     * @param pragma the schema's pragmas
     * @throws QapiError for the first semantic error, as QEMU reports it
     */
    public static Schema build(String rootFile, List<Expression> expressions, List<Doc> docs, Pragma pragma) {
        SchemaBuilder builder = new SchemaBuilder(rootFile, docs, pragma);
        builder.maker.definePredefined();
        for (Expression expr : expressions) {
            builder.maker.define(expr);
        }
        builder.check();
        return builder.freeze();
    }

    private void check() {
        for (DraftEntity entity : schema.entities()) {
            entity.check(schema);
            entity.connectDoc(null);
        }
        for (DraftEntity entity : schema.entities()) {
            schema.assignModule(entity);
        }
        for (Doc doc : docs) {
            docDrafts.get(doc).check();
        }
        schema.checkFeatureCount();
    }

    private Schema freeze() {
        Map<DraftEntity, Entity> frozen = new IdentityHashMap<>();
        List<Entity> entities = new ArrayList<>();
        for (DraftEntity draft : schema.entities()) {
            Entity entity = draft.freeze();
            frozen.put(draft, entity);
            entities.add(entity);
        }
        List<Module> modules = new ArrayList<>();
        for (Map.Entry<String, List<DraftEntity>> m : schema.modules().entrySet()) {
            List<Entity> members = new ArrayList<>(m.getValue().size());
            for (DraftEntity draft : m.getValue()) {
                members.add(frozen.get(draft));
            }
            modules.add(new Module(m.getKey(), members));
        }
        List<Doc> connected = new ArrayList<>(docs.size());
        for (Doc doc : docs) {
            connected.add(docDrafts.get(doc).freeze());
        }
        return new Schema(modules, entities, connected, schema.featureNames());
    }
}
