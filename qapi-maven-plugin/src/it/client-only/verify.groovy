// Only what a client needs was generated and compiled: types, event records and SchemaClient; no
// commands interface, registration, emitter or introspection data.
def gen = new File(basedir, 'target/generated-sources/qapi/com/example/qmp')
['Target', 'Color', 'PongEvent', 'SchemaClient'].each {
    assert new File(gen, "${it}.java").isFile() : "${it}.java not generated"
    assert new File(basedir, "target/classes/com/example/qmp/${it}.class").isFile() : "${it}.class not compiled"
}
['QapiSchemaCommands', 'QapiSchemaCommandsMarshal', 'QapiSchemaEvents', 'SchemaIntrospection'].each {
    assert !new File(gen, "${it}.java").exists() : "${it}.java generated for a client"
}
assert !new File(basedir, 'target/generated-resources/qapi/com/example/qmp/qapi-introspect.json').exists()
assert new File(basedir, 'target/classes/com/example/app/App.class').isFile()
true
