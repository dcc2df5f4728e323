package dev.qapi.generator.java;

import com.palantir.javapoet.ClassName;

/**
 * The classes of {@code qapi-runtime} and Jackson that generated code names, in one place (as google/auto's
 * {@code ClassNames}): the generator cannot depend on the runtime, so these are names, not {@code Class}
 * objects, and a class moved in the runtime is mended here alone. Made once (see {@link JdkTypes} for why
 * {@code ClassName.get(Class)} is avoided). Public, for every generator of Java code against the runtime.
 */
public final class ClassNames {
    private static final String RUNTIME = "dev.qapi.runtime";
    private static final String ANNOTATION = RUNTIME + ".annotation";
    private static final String MARSHAL = RUNTIME + ".marshal";
    private static final String DISPATCH = RUNTIME + ".dispatch";
    private static final String EVENT = RUNTIME + ".event";
    private static final String CLIENT = RUNTIME + ".client";

    /** {@code null}'s Java type. */
    public static final ClassName QNULL = ClassName.get(RUNTIME, "QNull");

    /** The wire name of a class, member or constant. */
    public static final ClassName QAPI_NAME = ClassName.get(ANNOTATION, "QapiName");
    /** The features of a definition or member. */
    public static final ClassName QAPI_FEATURES = ClassName.get(ANNOTATION, "QapiFeatures");
    /** A condition recorded rather than evaluated. */
    public static final ClassName QAPI_IF = ClassName.get(ANNOTATION, "QapiIf");

    public static final ClassName QAPI_VALUE = ClassName.get(MARSHAL, "QapiValue");
    public static final ClassName INPUT_VISITOR = ClassName.get(MARSHAL, "InputVisitor");
    public static final ClassName OUTPUT_VISITOR = ClassName.get(MARSHAL, "OutputVisitor");
    public static final ClassName SPECIAL_FEATURES = ClassName.get(MARSHAL, "SpecialFeatures");
    public static final ClassName COMPAT_POLICY = ClassName.get(MARSHAL, "CompatPolicy");
    public static final ClassName RANGES = ClassName.get(MARSHAL, "Ranges");

    public static final ClassName COMMAND_INFO = ClassName.get(DISPATCH, "CommandInfo");
    public static final ClassName COMMAND_REGISTRY = ClassName.get(DISPATCH, "CommandRegistry");
    public static final ClassName COMMAND_CONTEXT = ClassName.get(DISPATCH, "CommandContext");

    public static final ClassName EVENT_SINK = ClassName.get(EVENT, "EventSink");

    public static final ClassName QMP_CALLER = ClassName.get(CLIENT, "QmpCaller");
    public static final ClassName CALL_OPTIONS = ClassName.get(CLIENT, "CallOptions");
    public static final ClassName TYPED_CALLER = ClassName.get(CLIENT, "TypedCaller");
    public static final ClassName CLIENT_COMMAND = ClassName.get(CLIENT, "ClientCommand");
    public static final ClassName CLIENT_EVENT = ClassName.get(CLIENT, "ClientEvent");
    public static final ClassName SKEW_LISTENER = ClassName.get(CLIENT, "SkewListener");
    public static final ClassName EVENT_SUBSCRIPTION = ClassName.get(CLIENT, "EventSubscription");

    /** Jackson's tree, for {@code any}. */
    public static final ClassName JSON_NODE = ClassName.get("com.fasterxml.jackson.databind", "JsonNode");
    public static final ClassName OBJECT_NODE = ClassName.get("com.fasterxml.jackson.databind.node", "ObjectNode");
    public static final ClassName JSON_NODE_TYPE = ClassName.get("com.fasterxml.jackson.databind.node", "JsonNodeType");

    private ClassNames() {
    }
}
