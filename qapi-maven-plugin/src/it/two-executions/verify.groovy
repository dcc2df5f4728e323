// Both executions generated their package into the shared source root, both compiled, and each keeps
// its own state under its execution id, recording only its own files.
def gen = new File(basedir, 'target/generated-sources/qapi')
assert new File(gen, 'com/example/qmp/Target.java').isFile()
assert new File(gen, 'com/example/qga/GuestInfo.java').isFile()
assert new File(basedir, 'target/classes/com/example/app/App.class').isFile()
assert new File(basedir, 'target/classes/com/example/qmp/qapi-introspect.json').isFile()
assert new File(basedir, 'target/classes/com/example/qga/qapi-introspect.json').isFile()

def qmp = new File(basedir, 'target/maven-status/qapi/qmp/generate-state.txt').text
def qga = new File(basedir, 'target/maven-status/qapi/qga/generate-state.txt').text
assert qmp.contains('source com/example/qmp/Target.java') && !qmp.contains('com/example/qga')
assert qga.contains('source com/example/qga/GuestInfo.java') && !qga.contains('com/example/qmp')

def log = new File(basedir, 'build.log').text
assert log.contains('qapi: generated the bindings of src/main/qapi/qmp/qapi-schema.json')
assert log.contains('qapi: generated the bindings of src/main/qapi/guest agent/qga-schema.json')
