import csv, sys, re
docs = {'t1_bulletin':'t1','t2_poverty':'t2','t3_gwr':'t3','t4_energy':'t4','t5_social':'t5','t6_messy':'t6'}
exp = list(csv.DictReader(open('expected.csv', encoding='utf-8')))
T2S = str.maketrans('黃萬縣畝約紫雲', '黄万县亩约紫云')
SUF = ['瑶族自治县','自治区','自治县','省','市','县','乡','镇','村','屯','组']
def pnorm(p):
    p = p.translate(T2S)
    for s in SUF:
        if p.endswith(s) and len(p) > len(s)+1: return p[:-len(s)]
    return p
def peq(a, b):
    a, b = pnorm(a), pnorm(b)
    return a == b or (a and b and (a.endswith(b) or b.endswith(a)))
def veq(a, b):
    if a == '' or b == '': return a == b
    a, b = float(a), float(b)
    return abs(a-b) <= 1e-6*max(abs(a), abs(b), 1e-9) or abs(a-b) < 1e-3 and abs(a) > 30
out = csv.writer(open('comparison.csv', 'w', encoding='utf-8', newline=''))
out.writerow(['doc','kind','exp_span','start','end','tool_span','field','expected','tool','exp_metric','tool_metric','sentence'])
summary = []
for doc, pre in docs.items():
    text = open(f'{doc}.txt', encoding='utf-8').read()
    rows = [r for r in exp if r['doc'] == doc]
    pos = 0
    for r in rows:
        i = text.find(r['span'], pos)
        if i < 0: sys.exit(f'not found {doc} {r["span"]}')
        r['start'], r['end'] = i, i+len(r['span']); pos = i+1
    tool = list(csv.DictReader(open(f'{pre}_out.csv', encoding='utf-8-sig')))
    for t in tool: t['start'], t['end'] = int(t['start']), int(t['end'])
    pairs = []
    for ei, r in enumerate(rows):
        for ti, t in enumerate(tool):
            ov = min(r['end'], t['end']) - max(r['start'], t['start'])
            if ov > 0: pairs.append((ov, ei, ti))
    pairs.sort(reverse=True)
    ue, ut, P = set(), set(), []
    for ov, ei, ti in pairs:
        if ei in ue or ti in ut: continue
        ue.add(ei); ut.add(ti); P.append((ei, ti))
    c = dict(expected=sum(r['status']=='claim' for r in rows), found=len(tool), missed=0, spurious=0, value=0, unit=0, qual=0, year=0, place=0, per=0, amb=0)
    for ei, r in enumerate(rows):
        if ei not in ue:
            if r['status'] == 'claim': c['missed'] += 1; k='MISSED'
            else: c['amb'] += 1; k='AMBIG-not-found'
            out.writerow([doc,k,r['span'],r['start'],r['end'],'','', '', '', r['metric'],'',''])
    for ti, t in enumerate(tool):
        if ti not in ut:
            c['spurious'] += 1
            out.writerow([doc,'SPURIOUS','',t['start'],t['end'],t['text'],'',f"",f"{t['value']}|{t['value_max']}|{t['unit']}|{t['qualifier']}|{t['year']}|{t['place']}|{t['per']}",'',t['metric'],t['sentence']])
    for ei, ti in sorted(P):
        r, t = rows[ei], tool[ti]
        if r['status'] != 'claim':
            c['amb'] += 1
            out.writerow([doc,'AMBIG-found',r['span'],r['start'],r['end'],t['text'],'', '', f"{t['value']}|{t['value_max']}|{t['unit']}|{t['qualifier']}|{t['year']}|{t['place']}|{t['per']}", r['metric'], t['metric'], t['sentence']])
            continue
        errs = []
        if r['span'] != t['text']: errs.append(('span', r['span'], t['text']))
        vbad = not veq(r['value'], t['value']) or not veq(r['value_max'], t['value_max'])
        if vbad: errs.append(('value', r['value']+'|'+r['value_max'], t['value']+'|'+t['value_max']))
        if r['unit'] != t['unit']: errs.append(('unit', r['unit'], t['unit']))
        if r['qualifier'] != t['qualifier']: errs.append(('qualifier', r['qualifier'], t['qualifier']))
        if r['year'] != t['year']: errs.append(('year', r['year'], t['year']))
        if not peq(r['place'], t['place']): errs.append(('place', r['place'], t['place']))
        if r['per'] != t['per']: errs.append(('per', r['per'], t['per']))
        fields = {e[0] for e in errs}
        if fields & {'value','unit','qualifier'}: c['value'] += 1 if 'value' in fields else 0; c['unit'] += 'unit' in fields; c['qual'] += 'qualifier' in fields
        c['year'] += 'year' in fields; c['place'] += 'place' in fields; c['per'] += 'per' in fields
        for f, a, b in errs:
            out.writerow([doc,'FIELD',r['span'],r['start'],r['end'],t['text'],f,a,b,r['metric'],t['metric'],t['sentence']])
        # metric listing
        out.writerow([doc,'METRIC',r['span'],r['start'],r['end'],t['text'],'metric',r['metric'],t['metric'],r['metric'],t['metric'],''])
    summary.append((doc, c))
for doc, c in summary: print(doc, c)
