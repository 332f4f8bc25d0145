#!/usr/bin/env python3
"""Validate eval question files against their source documents."""
import json, sys, unicodedata, collections, re

NFC = lambda s: unicodedata.normalize('NFC', s)

def article_text():
    import glob
    lines = open(glob.glob('/work/main/corpus/*.txt')[0], encoding='utf-8').read().split('\n')
    while lines and not lines[-1].strip():
        lines.pop()
    lines = lines[:1] + lines[2:-4]          # drop photo caption (line 2) and 4 boilerplate lines
    return NFC('\n'.join(lines))

def charter_text():
    return NFC(open('/work/shared/corpus-extra/dieu-le-dang-2011.md', encoding='utf-8').read())

def check(path, doc):
    paras = [p for p in doc.split('\n') if p.strip()]
    ok = True
    ids, kinds = set(), collections.Counter()
    def err(i, msg):
        nonlocal ok; ok = False; print(f'{path}:{i}: {msg}')
    for i, line in enumerate(open(path, encoding='utf-8'), 1):
        if line != NFC(line): err(i, 'not NFC')
        try: r = json.loads(line)
        except Exception as e: err(i, f'bad json {e}'); continue
        rid, kind, q = r.get('id'), r.get('kind'), r.get('q')
        if rid in ids: err(i, f'duplicate id {rid}')
        ids.add(rid); kinds[kind] += 1
        if kind not in ('vi', 'vi-nodiac', 'vi-typo', 'en', 'none'): err(i, f'bad kind {kind}')
        if not q: err(i, 'empty q')
        if kind == 'vi-nodiac' and not q.isascii(): err(i, f'diacritics in nodiac q: {q}')
        if kind == 'none':
            if r.get('expect_abstain') is not True or 'source' in r or 'expect_any' in r or 'expect_all' in r:
                err(i, 'none must have only expect_abstain: true')
            continue
        exp = r.get('expect_any') or r.get('expect_all')
        if not exp or ('expect_any' in r) == ('expect_all' in r): err(i, 'need exactly one of expect_any/expect_all'); continue
        if 'expect_all' in r and not 2 <= len(exp) <= 4: err(i, 'expect_all should have 2-4 members')
        for e in exp:
            if NFC(e) not in doc: err(i, f'expect not in doc: {e!r}')
        src = r.get('source', '')
        if not 20 <= len(src) <= 80: err(i, f'source length {len(src)}: {src!r}')
        if NFC(src) not in doc: err(i, f'source not in doc: {src!r}'); continue
        # source and answer(s) must sit in the same paragraph / clause
        cands = [p for p in paras if NFC(src) in p]
        need = (lambda p: any(NFC(e) in p for e in exp)) if 'expect_any' in r else (lambda p: all(NFC(e) in p for e in exp))
        if not any(need(p) for p in cands): err(i, f'expect not in same paragraph as source: {src!r}')
    n = sum(kinds.values())
    print(f'{path}: {n} questions, ' + ', '.join(f'{k}={v} ({100*v/n:.0f}%)' for k, v in sorted(kinds.items())), '' if ok else ' -- ERRORS')
    return ok

a = check('/work/main/eval/questions.jsonl', article_text())
b = check('/work/main/eval/questions-dieu-le.jsonl', charter_text())
sys.exit(0 if a and b else 1)
