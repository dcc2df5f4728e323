package dev.qapi.generator.java;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import dev.qapi.parser.schema.Feature;
import dev.qapi.parser.schema.IfCond;
import java.util.ArrayList;
import java.util.List;

/** The annotations that carry schema facts into generated code: wire name, features, condition. */
final class Annotations {

    private Annotations() {
    }

    /**
     * The annotations for something called {@code wireName} in the schema (null: no name annotation)
     * with {@code features} and condition {@code ifcond}.
     */
    static List<AnnotationSpec> of(String wireName, List<Feature> features, IfCond ifcond, GeneratorOptions options) {
        return of(wireName, features, ifcond, options, true);
    }

    /**
     * The annotations for a record component or parameter: those of {@link #of} but {@code @Deprecated},
     * which has no effect there (javac says so); the feature is still recorded by {@code @QapiFeatures}
     * and in the Javadoc.
     */
    static List<AnnotationSpec> ofComponent(String wireName, List<Feature> features, IfCond ifcond, GeneratorOptions options) {
        return of(wireName, features, ifcond, options, false);
    }

    private static List<AnnotationSpec> of(String wireName, List<Feature> features, IfCond ifcond, GeneratorOptions options,
            boolean deprecated) {
        List<AnnotationSpec> out = new ArrayList<>();
        if (wireName != null) {
            out.add(AnnotationSpec.builder(ClassNames.QAPI_NAME).addMember("value", "$S", wireName).build());
        }
        List<Feature> included = included(features, options);
        if (!included.isEmpty()) {
            CodeBlock names = names(included);
            out.add(AnnotationSpec.builder(ClassNames.QAPI_FEATURES)
                    .addMember("value", included.size() == 1 ? "$L" : "{$L}", names).build());
        }
        if (options.recordsConditions() && ifcond.isPresent()) {
            out.add(AnnotationSpec.builder(ClassNames.QAPI_IF).addMember("value", "$S", ifcond.toString()).build());
        }
        if (deprecated && isDeprecated(features, options)) {
            out.add(JdkTypes.DEPRECATED);
        }
        return out;
    }

    /**
     * The names of {@code features} as string literals separated by {@code ", "}: the code block
     * {@code CodeBlock.join} makes of a {@code $S} block per feature, without its stream.
     */
    static CodeBlock names(List<Feature> features) {
        CodeBlock.Builder names = CodeBlock.builder();
        for (int i = 0; i < features.size(); i++) {
            if (i > 0) {
                names.add(", ");
            }
            names.add("$S", features.get(i).name());
        }
        return names.build();
    }

    /** Whether {@code features} has one called {@code name}. */
    static boolean hasFeature(List<Feature> features, String name) {
        for (Feature f : features) {
            if (f.name().equals(name)) {
                return true;
            }
        }
        return false;
    }

    /** The features that are part of this build. */
    static List<Feature> included(List<Feature> features, GeneratorOptions options) {
        if (features.isEmpty()) {
            return List.of();
        }
        List<Feature> included = new ArrayList<>(features.size());
        for (Feature f : features) {
            if (options.includes(f.ifcond())) {
                included.add(f);
            }
        }
        return List.copyOf(included);
    }

    static boolean isDeprecated(List<Feature> features, GeneratorOptions options) {
        return hasFeature(included(features, options), "deprecated");
    }

    /** The {@code SpecialFeatures} mask expression for {@code features}, or null when it is 0. */
    static CodeBlock specialMask(List<Feature> features, GeneratorOptions options) {
        if (features.isEmpty()) {
            return null;
        }
        List<CodeBlock> bits = new ArrayList<>();
        List<Feature> included = included(features, options);
        if (hasFeature(included, "deprecated")) {
            bits.add(CodeBlock.of("$T.DEPRECATED", ClassNames.SPECIAL_FEATURES));
        }
        if (hasFeature(included, "unstable")) {
            bits.add(CodeBlock.of("$T.UNSTABLE", ClassNames.SPECIAL_FEATURES));
        }
        return bits.isEmpty() ? null : CodeBlock.join(bits, " | ");
    }
}
