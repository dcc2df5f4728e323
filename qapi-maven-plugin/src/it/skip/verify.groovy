// With qapi.skip nothing was read (the schema is invalid) and nothing was written.
def log = new File(basedir, 'build.log').text
assert log.contains('qapi: skipped (qapi.skip)')
assert !new File(basedir, 'target/generated-sources/qapi').exists()
assert !new File(basedir, 'target/generated-resources/qapi').exists()
assert !new File(basedir, 'target/maven-status/qapi').exists()
