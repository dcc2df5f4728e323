package dev.qapi.parser.schema;

import dev.qapi.parser.SourceInfo;
import dev.qapi.parser.doc.Doc;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A named entity while the schema is being built (QEMU's {@code QAPISchemaDefinition}). */
abstract class DraftDefinition extends DraftEntity {
    final String name;
    final DocDraft doc;
    private final IfCond ifcond;
    final List<DraftMember> features;

    DraftDefinition(String name, SourceInfo info, DocDraft doc, IfCond ifcond, List<DraftMember> features) {
        super(info);
        this.name = name;
        this.doc = doc;
        this.ifcond = ifcond == null ? IfCond.ALWAYS : ifcond;
        this.features = List.copyOf(features);
        for (DraftMember f : this.features) {
            f.setDefinedIn(name);
        }
    }

    abstract String meta();

    IfCond ifcond() {
        return ifcond;
    }

    boolean isImplicit() {
        return info == null;
    }

    /** How messages name it when it is already defined without a location: {@code command 'x'}. */
    String describe() {
        return meta() + " '" + name + "'";
    }

    @Override
    void check(DraftSchema schema) {
        if (isChecked()) {
            throw new IllegalStateException(name + " checked twice");
        }
        super.check(schema);
        Map<String, DraftMember> seen = new HashMap<>();
        for (DraftMember f : features) {
            f.checkClash(info, seen);
        }
    }

    @Override
    void connectDoc(DocDraft given) {
        DocDraft d = given != null ? given : doc;
        if (d != null) {
            for (DraftMember f : features) {
                d.connectFeature(f);
            }
        }
    }

    /** The connected documentation, frozen. */
    Doc frozenDoc() {
        return doc == null ? null : doc.freeze();
    }

    List<Feature> frozenFeatures() {
        return DraftMember.freezeFeatures(features);
    }
}
