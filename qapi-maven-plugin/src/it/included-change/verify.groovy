// After the included file was edited, the second build regenerated: the file of the removed enum is
// gone, the changed struct was rewritten, files the edit did not affect kept their timestamps, and the
// new state records the edit (a third build would be up to date).
def gen = new File(basedir, 'target/generated-sources/qapi/com/example/qmp')
def marker = new File(basedir, 'target/second-run.marker')
assert marker.isFile()

assert !new File(gen, 'Color.java').exists() : 'Color.java of the removed enum was not deleted'
def target = new File(gen, 'Target.java')
assert target.text.contains('Optional<Long> port')
assert target.lastModified() > marker.lastModified()
def commands = new File(gen, 'QapiSchemaCommands.java')
assert commands.lastModified() < marker.lastModified() : 'an unaffected file was rewritten'

def log = new File(basedir, 'build.log').text
assert log.count('qapi: generated the bindings of src/main/qapi/qapi-schema.json') == 2
assert log =~ /qapi: generated the bindings of src\/main\/qapi\/qapi-schema.json \(\d+ files: \d+ written, \d+ unchanged, 1 deleted\)/
assert !log.contains('up to date')
