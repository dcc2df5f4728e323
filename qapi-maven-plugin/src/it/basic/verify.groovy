// The bindings were generated, compiled with the class that uses them, and the introspection resource
// reached the class path: the mojo registered both directories.
def gen = new File(basedir, 'target/generated-sources/qapi/com/example/qmp')
['Target', 'Color', 'QapiSchemaCommands', 'QapiSchemaCommandsMarshal', 'PongEvent', 'SchemaIntrospection'].each {
    assert new File(gen, "${it}.java").isFile() : "${it}.java not generated"
    assert new File(basedir, "target/classes/com/example/qmp/${it}.class").isFile() : "${it}.class not compiled"
}
assert new File(basedir, 'target/generated-resources/qapi/com/example/qmp/qapi-introspect.json').isFile()
assert new File(basedir, 'target/classes/com/example/qmp/qapi-introspect.json').isFile()
assert new File(basedir, 'target/classes/com/example/app/App.class').isFile()

def state = new File(basedir, 'target/maven-status/qapi/default/generate-state.txt')
assert state.isFile()
assert state.text.contains('include sub/types.json')

def log = new File(basedir, 'build.log').text
assert log.contains('qapi: generated the bindings of src/main/qapi/qapi-schema.json')
