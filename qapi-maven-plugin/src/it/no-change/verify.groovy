// The second build, with nothing changed, logged one "up to date" line and wrote nothing: every
// generated file and the state are older than the marker made at the start of the second build.
def log = new File(basedir, 'build.log').text
assert log.count('qapi: generated the bindings of src/main/qapi/qapi-schema.json') == 1
assert log.count('qapi: bindings of src/main/qapi/qapi-schema.json up to date') == 1

def marker = new File(basedir, 'target/second-run.marker')
assert marker.isFile()
def written = []
new File(basedir, 'target/generated-sources/qapi').eachFileRecurse(groovy.io.FileType.FILES) { written << it }
new File(basedir, 'target/generated-resources/qapi').eachFileRecurse(groovy.io.FileType.FILES) { written << it }
written << new File(basedir, 'target/maven-status/qapi/default/generate-state.txt')
assert written.size() > 5
written.each {
    assert it.lastModified() < marker.lastModified() : "${it} was rewritten by the second build"
}
true
