#!/usr/bin/env python3
"""Test oracle: run QEMU 10.0's own QAPI front end on a schema and print
what it made of it, in the text format of DUMP-FORMAT.md.

Usage: oracle.py [--qemu-scripts DIR] [--counts] SCHEMA.json

The QEMU front end is imported at run time from DIR (default: $QEMU_SOURCE/scripts,
else the directory printed by /work/shared/tools/qemu-source, plus /scripts).
This file contains none of QEMU's code; it only calls QAPISchema and reads
the resulting model.

Exit status:
  0  schema accepted; the dump (or, with --counts, entity counts) is on stdout
  1  QEMU reported a QAPIError; its text is on stderr
  2  usage or set-up problem
  3  QEMU's front end crashed with some other Python exception;
     stderr says "CRASH: <exception type>"
"""

import argparse
import json
import os
import subprocess
import sys

QEMU_SOURCE_TOOL = '/work/shared/tools/qemu-source'


def default_scripts_dir():
    src = os.environ.get('QEMU_SOURCE')
    if not src:
        try:
            src = subprocess.run([QEMU_SOURCE_TOOL], check=True,
                                 stdout=subprocess.PIPE,
                                 text=True).stdout.strip()
        except (OSError, subprocess.CalledProcessError) as exc:
            sys.exit('oracle.py: cannot locate QEMU source: %s' % exc)
    return os.path.join(src, 'scripts')


def cond_text(cond):
    """Render a normalized condition: str, {'all': [..]}, {'any': [..]},
    {'not': c}."""
    if isinstance(cond, str):
        return cond
    (op, arg), = cond.items()
    if op == 'not':
        return 'not(%s)' % cond_text(arg)
    return '%s(%s)' % (op, ', '.join(cond_text(c) for c in arg))


class Dumper:
    """Collects the dump lines while visiting the schema."""

    def __init__(self):
        self.lines = []

    def put(self, level, text):
        self.lines.append('    ' * level + text)

    def put_if(self, level, ifcond):
        if ifcond.is_present():
            self.put(level, 'if ' + cond_text(ifcond.ifcond))

    def put_features(self, level, features):
        for feat in features:
            self.put(level, 'feature ' + feat.name)
            self.put_if(level + 1, feat.ifcond)

    def put_branches(self, variants):
        for var in variants.variants:
            self.put(1, 'case %s: %s' % (var.name, var.type.name))
            self.put_if(2, var.ifcond)


def make_visitor(base_cls, out):
    """Build a QAPISchemaVisitor subclass (the base class is only known
    after QEMU's package has been imported)."""

    class DumpVisitor(base_cls):
        def visit_module(self, name):
            out.put(0, 'module ' + name)

        def visit_include(self, name, info):
            if info:
                out.put(0, 'include ' + name)

        def visit_enum_type(self, name, info, ifcond, features, members,
                            prefix):
            if not info:
                return
            out.put(0, 'enum ' + name)
            if prefix is not None:
                out.put(1, 'prefix ' + prefix)
            for mem in members:
                out.put(1, 'member ' + mem.name)
                out.put_if(2, mem.ifcond)
                out.put_features(2, mem.features)
            out.put_if(1, ifcond)
            out.put_features(1, features)

        def visit_array_type(self, name, info, ifcond, element_type):
            if not info:
                return
            out.put(0, 'array %s %s' % (name, element_type.name))
            out.put_if(1, ifcond)

        def visit_object_type(self, name, info, ifcond, features, base,
                              members, branches):
            if not info:
                return
            out.put(0, 'object ' + name)
            if base is not None:
                out.put(1, 'base ' + base.name)
            for mem in members:
                out.put(1, 'member %s: %s optional=%s'
                        % (mem.name, mem.type.name, mem.optional))
                out.put_if(2, mem.ifcond)
                out.put_features(2, mem.features)
            if branches is not None:
                out.put(1, 'tag ' + branches.tag_member.name)
                out.put_branches(branches)
            out.put_if(1, ifcond)
            out.put_features(1, features)

        def visit_alternate_type(self, name, info, ifcond, features,
                                 alternatives):
            if not info:
                return
            out.put(0, 'alternate ' + name)
            out.put(1, 'tag ' + alternatives.tag_member.name)
            out.put_branches(alternatives)
            out.put_if(1, ifcond)
            out.put_features(1, features)

        def visit_command(self, name, info, ifcond, features, arg_type,
                          ret_type, gen, success_response, boxed, allow_oob,
                          allow_preconfig, coroutine):
            if not info:
                return
            out.put(0, 'command %s %s -> %s' % (
                name,
                arg_type.name if arg_type is not None else None,
                ret_type.name if ret_type is not None else None))
            out.put(1, 'gen=%s success_response=%s boxed=%s oob=%s '
                    'preconfig=%s coroutine=%s'
                    % (gen, success_response, boxed, allow_oob,
                       allow_preconfig, coroutine))
            out.put_if(1, ifcond)
            out.put_features(1, features)

        def visit_event(self, name, info, ifcond, features, arg_type, boxed):
            if not info:
                return
            out.put(0, 'event %s %s' % (
                name, arg_type.name if arg_type is not None else None))
            out.put(1, 'boxed=%s' % boxed)
            out.put_if(1, ifcond)
            out.put_features(1, features)

    return DumpVisitor


def dump_docs(schema, out, kind_enum):
    for doc in schema.docs:
        if doc.symbol is not None:
            out.put(0, 'doc symbol=' + doc.symbol)
        else:
            out.put(0, 'doc freeform')
        for idx, section in enumerate(doc.all_sections):
            if idx == 0:
                header = 'body='
            elif section.kind == kind_enum.MEMBER:
                header = 'arg=' + section.name
            elif section.kind == kind_enum.FEATURE:
                header = 'feature=' + section.name
            else:
                header = 'section=%s' % section.kind
            out.put(1, header)
            if section.text:
                out.lines.extend(section.text.split('\n'))


def count_entities(schema, mods):
    keys = ['command', 'event', 'enum', 'object', 'alternate', 'array',
            'builtin', 'include']
    classes = [
        ('command', mods.QAPISchemaCommand),
        ('event', mods.QAPISchemaEvent),
        ('enum', mods.QAPISchemaEnumType),
        ('array', mods.QAPISchemaArrayType),
        ('object', mods.QAPISchemaObjectType),
        ('alternate', mods.QAPISchemaAlternateType),
        ('builtin', mods.QAPISchemaBuiltinType),
        ('include', mods.QAPISchemaInclude),
    ]
    total = dict.fromkeys(keys, 0)
    defined = dict.fromkeys(keys, 0)
    for ent in schema._entity_list:   # pylint: disable=protected-access
        for key, cls in classes:
            if isinstance(ent, cls):
                break
        else:
            raise RuntimeError('unexpected entity %r' % ent)
        total[key] += 1
        implicit = getattr(ent, 'is_implicit', lambda: False)()
        if ent.info is not None and not implicit:
            defined[key] += 1
    total['defined'] = defined
    return total


def main():
    argp = argparse.ArgumentParser(
        description="Dump a QAPI schema as QEMU 10.0's front end sees it.")
    argp.add_argument('--qemu-scripts', metavar='DIR',
                      help="QEMU's scripts directory (holding qapi/)")
    argp.add_argument('--counts', action='store_true',
                      help='print entity counts as JSON instead of the dump')
    argp.add_argument('schema', metavar='SCHEMA.json')
    args = argp.parse_args()
    # messages and documentation text may hold any Unicode character
    sys.stdout.reconfigure(encoding='utf-8', newline='\n')
    sys.stderr.reconfigure(encoding='utf-8', newline='\n')

    scripts = args.qemu_scripts or default_scripts_dir()
    sys.dont_write_bytecode = True
    sys.path.insert(0, scripts)
    # pylint: disable=import-outside-toplevel
    from qapi import schema as qschema
    from qapi.error import QAPIError
    from qapi.parser import QAPIDoc

    try:
        schema = qschema.QAPISchema(args.schema)
    except QAPIError as err:
        print(str(err), file=sys.stderr)
        return 1
    except Exception as exc:   # pylint: disable=broad-except
        print('CRASH: %s' % type(exc).__name__, file=sys.stderr)
        return 3

    if args.counts:
        print(json.dumps(count_entities(schema, qschema), indent=2))
        return 0

    out = Dumper()
    schema.visit(make_visitor(qschema.QAPISchemaVisitor, out)())
    dump_docs(schema, out, QAPIDoc.Kind)
    sys.stdout.write(''.join(line + '\n' for line in out.lines))
    return 0


if __name__ == '__main__':
    sys.exit(main())
