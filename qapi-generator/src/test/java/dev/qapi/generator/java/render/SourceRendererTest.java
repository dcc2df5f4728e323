package dev.qapi.generator.java.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.TypeVariableName;
import com.palantir.javapoet.WildcardTypeName;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.Modifier;
import org.junit.jupiter.api.Test;

/**
 * The tricky parts of {@link SourceRenderer}, each checked against JavaPoet's own {@code JavaFile.toString()}
 * and, where the point is a particular layout, against the expected text.
 */
class SourceRendererTest {
    private static final String PACKAGE = "com.example";
    private static final ClassName SELF = ClassName.get(PACKAGE, "Sample");

    /** Renders {@code spec} both ways, asserts they are equal and returns the text. */
    private static String render(TypeSpec spec) {
        String javaPoet = JavaFile.builder(PACKAGE, spec).addFileComment("$L", "A comment.").indent("    ").build().toString();
        String ours = new SourceRenderer("    ").render(PACKAGE, spec, "A comment.");
        assertEquals(javaPoet, ours);
        return ours;
    }

    private static String body(String text) {
        return text.substring(text.indexOf("class Sample"));
    }

    private static MethodSpec method(String name, CodeBlock code) {
        return MethodSpec.methodBuilder(name).addCode(code).build();
    }

    private static TypeSpec classWith(MethodSpec... methods) {
        return TypeSpec.classBuilder(SELF).addMethods(List.of(methods)).build();
    }

    @Test
    void parametersWrapAtOneHundredColumns() {
        // "    void m(" is 11 columns; each parameter "String aN" adds 11 with ", ".
        for (int length = 90; length <= 110; length++) {
            String name = "p".repeat(length - "    void m(String ) {".length());
            MethodSpec m = MethodSpec.methodBuilder("m").addParameter(String.class, name).addParameter(int.class, "x").build();
            render(classWith(m));
        }
        String text = render(TypeSpec.recordBuilder(SELF)
                .recordConstructor(MethodSpec.compactConstructorBuilder()
                        .addParameter(String.class, "a".repeat(30))
                        .addParameter(String.class, "b".repeat(30))
                        .addParameter(String.class, "c".repeat(30))
                        .build())
                .build());
        assertTrue(text.contains("record Sample(String " + "a".repeat(30) + ", String " + "b".repeat(30) + ",\n        String "
                + "c".repeat(30) + ") {\n"), text);
    }

    @Test
    void wrappingSpacesAtTheLimit() {
        // Lines of 99, 100 and 101 columns before a $W, then text or a line end.
        for (int length = 95; length <= 105; length++) {
            String head = "x".repeat(length - 8);
            render(classWith(method("a", CodeBlock.builder().addStatement("$L($W)", head).build()),
                    method("b", CodeBlock.builder().add("$L$W\n", head).build()),
                    method("c", CodeBlock.builder().add("$L$Wyy$Wzz$Z\n", head).build()),
                    method("d", CodeBlock.builder().add("$L$Z$Z\n", head).build())));
        }
    }

    @Test
    void wrappedStatementContinuesTwoLevelsDeeper() {
        String text = body(render(classWith(method("m", CodeBlock.builder()
                .addStatement("call($L,$W$L,$W$L)", "a".repeat(40), "b".repeat(40), "c".repeat(40))
                .build()))));
        assertEquals("class Sample {\n    void m() {\n        call(" + "a".repeat(40) + ", " + "b".repeat(40) + ",\n"
                + "                " + "c".repeat(40) + ");\n    }\n}\n", text);
    }

    @Test
    void statementLinesAfterTheFirstAreIndentedTwoLevels() {
        String text = body(render(classWith(method("m", CodeBlock.builder()
                .addStatement("$T s = $S", String.class, "one\ntwo\n")
                .addStatement("int x = 1 +\n2 +\n3")
                .addStatement("run(() -> {\n$>go();\n$<})")
                .addStatement("done()")
                .build()))));
        assertEquals("class Sample {\n    void m() {\n"
                + "        String s = \"one\\n\"\n"
                + "                        + \"two\\n\";\n"
                + "        int x = 1 +\n"
                + "                2 +\n"
                + "                3;\n"
                + "        run(() -> {\n"
                + "                    go();\n"
                + "                });\n"
                + "        done();\n    }\n}\n", text);
    }

    @Test
    void statementEnterTwiceFailsAsInJavaPoet() {
        TypeSpec spec = classWith(method("m", CodeBlock.builder().add("$[a$[b;\n$]").build()));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new SourceRenderer("    ").render(PACKAGE, spec, null));
        assertEquals("statement enter $[ followed by statement enter $[", e.getMessage());
    }

    @Test
    void javadocBlankLinesAndLineBreaks() {
        String text = render(TypeSpec.classBuilder(SELF)
                .addJavadoc("First.\n\n<p>Second,\r\nthird\u2028fourth\rfifth\u0085sixth.\n\n\n")
                .addMethod(MethodSpec.methodBuilder("m").addJavadoc("No trailing newline.").build())
                .addField(FieldSpec.builder(int.class, "f").addJavadoc("$L", "Via $L\n\nwith a blank line.\n").build())
                .build());
        assertTrue(text.contains("/**\n * First.\n *\n * <p>Second,\n * third\n * fourth\n * fifth\n * sixth.\n *\n *\n */\n"
                + "class Sample {\n"), text);
        assertTrue(text.contains("    /**\n     * No trailing newline.\n     */\n"), text);
        assertTrue(text.contains("    /**\n     * Via $L\n     *\n     * with a blank line.\n     */\n"), text);
    }

    @Test
    void javadocWithParameterDocs() {
        render(TypeSpec.classBuilder(SELF)
                .addMethod(MethodSpec.methodBuilder("m")
                        .addJavadoc("Does it.\n")
                        .addParameter(ParameterSpec.builder(int.class, "a").addJavadoc("the a\n").build())
                        .addParameter(ParameterSpec.builder(int.class, "b").build())
                        .addParameter(ParameterSpec.builder(int.class, "c").addJavadoc("the c").build())
                        .build())
                .addMethod(MethodSpec.methodBuilder("n")
                        .addParameter(ParameterSpec.builder(int.class, "a").addJavadoc("only $T", List.class).build())
                        .build())
                .addType(TypeSpec.recordBuilder("Rec")
                        .addJavadoc("A record.\n")
                        .recordConstructor(MethodSpec.compactConstructorBuilder()
                                .addParameter(ParameterSpec.builder(String.class, "name").addJavadoc("its name\n").build())
                                .addStatement("$T.requireNonNull(name)", java.util.Objects.class)
                                .build())
                        .build())
                .build());
    }

    @Test
    void stringLiteralsEscapedAsJavaPoetDoes() {
        String all = "tab\t bs\b ff\f cr\r quote\" single' backslash\\ nul\0 del\u007f c1\u0085 e\u00e9 done\n";
        String text = render(classWith(method("m", CodeBlock.builder()
                .addStatement("a($S)", all)
                .addStatement("b($S, $S, $S)", "", null, "\n\nx")
                .build())));
        assertTrue(text.contains("a(\"tab\\t bs\\b ff\\f cr\\r quote\\\" single' backslash\\\\ nul\\u0000 del\\u007f c1\\u0085 "
                + "e\u00e9 done\\n\");"), text);
        // U+2028 is no ISO control character, so JavaPoet leaves it in the literal, where it breaks the line.
        assertTrue(render(classWith(method("m", CodeBlock.builder().addStatement("a($S)", "x\u2028y").build())))
                .contains("a(\"x\n                y\");"));
        assertEquals("\"a\\\"b\"", StringLiterals.quoted("a\"b", "    "));
    }

    @Test
    void importConflicts() {
        ClassName otherList = ClassName.get("com.other", "List");
        ClassName samePackageOptional = ClassName.get(PACKAGE, "Optional");
        ClassName nestedShadow = ClassName.get("com.third", "Inner");
        ClassName entry = ClassName.get(Map.Entry.class);
        ClassName topLevelShadow = ClassName.get("com.fourth", "Sample");
        String text = render(TypeSpec.classBuilder(SELF)
                .addField(ParameterizedTypeName.get(ClassName.get(List.class), ClassName.get(String.class)), "first")
                .addField(otherList, "second")
                .addField(samePackageOptional, "mine")
                .addField(ClassName.get(Optional.class), "theirs")
                .addField(nestedShadow, "shadowed")
                .addField(SELF.nestedClass("Inner"), "inner")
                .addField(entry, "entry")
                .addField(topLevelShadow, "other")
                .addField(ClassName.get("", "NoPackage"), "noPackage")
                .addType(TypeSpec.classBuilder("Inner")
                        .addField(SELF.nestedClass("Inner"), "self")
                        .addField(ClassName.get("com.fifth", "Util"), "util")
                        .alwaysQualify("Util")
                        .build())
                .build());
        assertTrue(text.contains("import java.lang.String;\nimport java.util.List;\nimport java.util.Map;\n\n"), text);
        assertTrue(text.contains("    List<String> first;\n"), text);
        assertTrue(text.contains("    com.other.List second;\n"), text);
        assertTrue(text.contains("    Optional mine;\n"), text);
        assertTrue(text.contains("    java.util.Optional theirs;\n"), text);
        assertTrue(text.contains("    com.third.Inner shadowed;\n"), text);
        assertTrue(text.contains("    Inner inner;\n"), text);
        assertTrue(text.contains("    Map.Entry entry;\n"), text);
        assertTrue(text.contains("    com.fourth.Sample other;\n"), text);
        assertTrue(text.contains("        com.fifth.Util util;\n"), text);
    }

    @Test
    void typesOfEveryKindAndMember() {
        ClassName annotation = ClassName.get("com.example.ann", "Tag");
        ClassName iface = ClassName.get(PACKAGE, "Shape");
        TypeSpec anonymous = TypeSpec.anonymousClassBuilder("")
                .addSuperinterface(Runnable.class)
                .addMethod(MethodSpec.methodBuilder("run").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
                        .addStatement("System.out.println($S)", "ran").build())
                .build();
        TypeSpec spec = TypeSpec.interfaceBuilder(iface)
                .addModifiers(Modifier.PUBLIC, Modifier.SEALED)
                .addAnnotation(AnnotationSpec.builder(annotation)
                        .addMember("value", "$S", "a")
                        .addMember("value", "$S", "b")
                        .addMember("other", "$L", 1)
                        .build())
                .addSuperinterface(Comparable.class)
                .addPermittedSubclass(iface.nestedClass("Circle"))
                .addPermittedSubclass(iface.nestedClass("Kind"))
                .addField(FieldSpec.builder(int.class, "LIMIT", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                        .initializer("$L", 100).build())
                .addMethod(MethodSpec.methodBuilder("area").addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT)
                        .returns(double.class).addException(IOException.class).addException(IllegalStateException.class).build())
                .addMethod(MethodSpec.methodBuilder("describe").addModifiers(Modifier.PUBLIC, Modifier.DEFAULT)
                        .returns(String.class)
                        .addParameter(ParameterSpec.builder(ArrayTypeName.of(String.class), "parts", Modifier.FINAL)
                                .addAnnotation(AnnotationSpec.builder(annotation).addMember("x", "$L", 1).addMember("y", "$L", 2).build())
                                .build())
                        .varargs()
                        .addStatement("$T r = $L", Runnable.class, anonymous)
                        .addStatement("return $T.join($S, parts)", String.class, ",")
                        .build())
                .addMethod(MethodSpec.methodBuilder("wild").addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                        .addParameter(ParameterizedTypeName.get(ClassName.get(List.class), WildcardTypeName.subtypeOf(Number.class)), "a")
                        .addParameter(ParameterizedTypeName.get(ClassName.get(List.class), WildcardTypeName.supertypeOf(Integer.class)), "b")
                        .addParameter(ParameterizedTypeName.get(ClassName.get(List.class), WildcardTypeName.subtypeOf(Object.class)), "c")
                        .addParameter(ArrayTypeName.of(ArrayTypeName.of(int.class)), "d")
                        .build())
                .addType(TypeSpec.recordBuilder("Circle").addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                        .addSuperinterface(iface)
                        .recordConstructor(MethodSpec.compactConstructorBuilder().addParameter(double.class, "r").build())
                        .addMethod(MethodSpec.methodBuilder("area").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
                                .returns(double.class).addStatement("return $T.PI * r * r", Math.class).build())
                        .build())
                .addType(TypeSpec.enumBuilder("Kind").addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                        .addSuperinterface(iface)
                        .addEnumConstant("PLAIN")
                        .addEnumConstant("ARGS", TypeSpec.anonymousClassBuilder("$S, $L", "x", 2)
                                .addJavadoc("With arguments.\n")
                                .addAnnotation(Deprecated.class)
                                .build())
                        .addEnumConstant("BODY", TypeSpec.anonymousClassBuilder("$S, $L", "y", 3)
                                .addMethod(MethodSpec.methodBuilder("area").addAnnotation(Override.class)
                                        .addModifiers(Modifier.PUBLIC).returns(double.class).addStatement("return 1").build())
                                .build())
                        .addField(String.class, "name", Modifier.PRIVATE, Modifier.FINAL)
                        .addStaticBlock(CodeBlock.of("init();\n"))
                        .addInitializerBlock(CodeBlock.of("count++;\n"))
                        .addMethod(MethodSpec.constructorBuilder().addParameter(String.class, "name").addParameter(int.class, "n")
                                .addStatement("this.name = name").build())
                        .addMethod(MethodSpec.methodBuilder("area").addModifiers(Modifier.PUBLIC).returns(double.class)
                                .addStatement("return 0").build())
                        .build())
                .addType(TypeSpec.annotationBuilder("Marker").addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                        .addMethod(MethodSpec.methodBuilder("value").addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT)
                                .returns(String.class).defaultValue("$S", "none").build())
                        .build())
                .addType(TypeSpec.enumBuilder("Empty").addModifiers(Modifier.PUBLIC, Modifier.STATIC).addEnumConstant("ONLY").build())
                .build();
        new SourceRendererTest().renderAs(spec, iface);
    }

    private void renderAs(TypeSpec spec, ClassName name) {
        String javaPoet = JavaFile.builder(name.packageName(), spec).indent("    ").build().toString();
        assertEquals(javaPoet, new SourceRenderer("    ").render(name.packageName(), spec, null));
        assertEquals(JavaFile.builder("", spec).indent("  ").build().toString(), new SourceRenderer("  ").render("", spec, ""));
    }

    @Test
    void unsupportedFeaturesFailInsteadOfDiffering() {
        TypeSpec generic = TypeSpec.classBuilder(SELF).addTypeVariable(TypeVariableName.get("T")).build();
        assertThrows(UnsupportedSpecException.class, () -> new SourceRenderer("    ").render(PACKAGE, generic, null));
        TypeSpec genericMethod = classWith(MethodSpec.methodBuilder("m").addTypeVariable(TypeVariableName.get("T")).build());
        assertThrows(UnsupportedSpecException.class, () -> new SourceRenderer("    ").render(PACKAGE, genericMethod, null));
        TypeName annotated = ClassName.get(String.class).annotated(AnnotationSpec.builder(Deprecated.class).build());
        TypeSpec annotatedType = TypeSpec.classBuilder(SELF).addField(annotated, "s").build();
        assertThrows(UnsupportedSpecException.class, () -> new SourceRenderer("    ").render(PACKAGE, annotatedType, null));
    }
}
