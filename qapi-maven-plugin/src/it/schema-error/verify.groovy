// The build failed at the included file's line, said so in QEMU's words, and printed no stack trace.
def log = new File(basedir, 'build.log').text
def located = "src/main/qapi/sub/types.json:2: member 'name' uses unknown type 'nosuchtype'"

// every line of the message, as errors
assert log.contains("[ERROR] In file included from src/main/qapi/qapi-schema.json:1:")
assert log.contains("[ERROR] src/main/qapi/sub/types.json: In struct 'Target':")
assert log.contains("[ERROR] " + located)
// the failure names the located line
assert log =~ /Failed to execute goal dev\.qapi:qapi-maven-plugin:[^:]+:generate \(default\) on project schema-error: \Q${located}\E/
assert !log.contains('at dev.qapi.') : 'a stack trace was printed'
assert !new File(basedir, 'target/maven-status/qapi/default/generate-state.txt').exists()
