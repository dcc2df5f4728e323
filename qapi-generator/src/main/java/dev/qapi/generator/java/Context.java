package dev.qapi.generator.java;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeSpec;

/**
 * What every per-construct generator needs: the type mapping, the member codec, the Javadoc maker and
 * the options.
 */
record Context(JavaTypes types, MemberCodec codec, Javadocs javadocs, GeneratorOptions options, String schemaName,
        AnnotationSpec generatedAnnotation) {


    Context(JavaTypes types, MemberCodec codec, Javadocs javadocs, GeneratorOptions options, String schemaName) {
        this(types, codec, javadocs, options, schemaName, AnnotationSpec.builder(ClassName.get("javax.annotation.processing", "Generated"))
                .addMember("value", "$S", "dev.qapi.generator")
                .addMember("comments", "$S", "from " + schemaName)
                .build());
    }

    /** Marks a top-level class as generated ({@code @Generated}, naming the schema but no date). */
    TypeSpec.Builder generated(TypeSpec.Builder spec) {
        return spec.addAnnotation(generatedAnnotation);
    }

    String packageName() {
        return options.packageName();
    }

    /** Adds the Javadoc text {@code html} to a builder (JavaPoet's format characters escaped). */
    static void javadoc(TypeSpec.Builder builder, String html) {
        builder.addJavadoc("$L", html + "\n");
    }
}
