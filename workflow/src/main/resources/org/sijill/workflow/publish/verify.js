// Sijill report verifier: plain JavaScript, no network. Checks entries of data/list.js against the
// signed checkpoint in checkpoint.js, hashing as RFC 9162 section 2.1 says: a leaf is
// SHA-256(0x00 || entry as UTF-8), a node SHA-256(0x01 || left || right), and an inclusion proof
// is folded into a root by the algorithm of section 2.1.3.2. SHA-256 comes from WebCrypto when the
// browser offers it, otherwise from the small implementation below; the Ed25519 signature is
// checked with WebCrypto when the browser supports Ed25519, and the page says so when it cannot.
(function () {
  'use strict';

  // ---- SHA-256 (FIPS 180-4), used when crypto.subtle is absent ----
  var K = new Uint32Array([
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2]);

  function sha256Own(bytes) {
    var len = bytes.length, bitLenHi = Math.floor(len / 0x20000000), bitLenLo = (len << 3) >>> 0;
    var padded = new Uint8Array(((len + 9 + 63) >> 6) << 6);
    padded.set(bytes);
    padded[len] = 0x80;
    var dv = new DataView(padded.buffer);
    dv.setUint32(padded.length - 8, bitLenHi);
    dv.setUint32(padded.length - 4, bitLenLo);
    var h = new Uint32Array([0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]);
    var w = new Uint32Array(64);
    for (var off = 0; off < padded.length; off += 64) {
      for (var i = 0; i < 16; i++) { w[i] = dv.getUint32(off + 4 * i); }
      for (i = 16; i < 64; i++) {
        var a = w[i - 15], b = w[i - 2];
        var s0 = ((a >>> 7) | (a << 25)) ^ ((a >>> 18) | (a << 14)) ^ (a >>> 3);
        var s1 = ((b >>> 17) | (b << 15)) ^ ((b >>> 19) | (b << 13)) ^ (b >>> 10);
        w[i] = (w[i - 16] + s0 + w[i - 7] + s1) >>> 0;
      }
      var A = h[0], B = h[1], C = h[2], D = h[3], E = h[4], F = h[5], G = h[6], H = h[7];
      for (i = 0; i < 64; i++) {
        var S1 = ((E >>> 6) | (E << 26)) ^ ((E >>> 11) | (E << 21)) ^ ((E >>> 25) | (E << 7));
        var ch = (E & F) ^ (~E & G);
        var t1 = (H + S1 + ch + K[i] + w[i]) >>> 0;
        var S0 = ((A >>> 2) | (A << 30)) ^ ((A >>> 13) | (A << 19)) ^ ((A >>> 22) | (A << 10));
        var maj = (A & B) ^ (A & C) ^ (B & C);
        var t2 = (S0 + maj) >>> 0;
        H = G; G = F; F = E; E = (D + t1) >>> 0; D = C; C = B; B = A; A = (t1 + t2) >>> 0;
      }
      h[0] = (h[0] + A) >>> 0; h[1] = (h[1] + B) >>> 0; h[2] = (h[2] + C) >>> 0; h[3] = (h[3] + D) >>> 0;
      h[4] = (h[4] + E) >>> 0; h[5] = (h[5] + F) >>> 0; h[6] = (h[6] + G) >>> 0; h[7] = (h[7] + H) >>> 0;
    }
    var out = new Uint8Array(32), odv = new DataView(out.buffer);
    for (i = 0; i < 8; i++) { odv.setUint32(4 * i, h[i]); }
    return out;
  }

  var subtle = window.crypto && window.crypto.subtle;
  function sha256(bytes) {
    if (subtle) {
      return subtle.digest('SHA-256', bytes).then(function (b) { return new Uint8Array(b); });
    }
    return Promise.resolve(sha256Own(bytes));
  }

  function concat(prefix, a, b) {
    var out = new Uint8Array(1 + a.length + (b ? b.length : 0));
    out[0] = prefix; out.set(a, 1); if (b) { out.set(b, 1 + a.length); }
    return out;
  }
  function hex(b) { return Array.prototype.map.call(b, function (x) { return (x < 16 ? '0' : '') + x.toString(16); }).join(''); }
  function unhex(s) {
    if (!/^([0-9a-f]{2})*$/.test(s)) { throw new Error('not hex: ' + s); }
    var out = new Uint8Array(s.length / 2);
    for (var i = 0; i < out.length; i++) { out[i] = parseInt(s.substr(2 * i, 2), 16); }
    return out;
  }
  function unbase64(s) { var bin = atob(s), out = new Uint8Array(bin.length); for (var i = 0; i < bin.length; i++) { out[i] = bin.charCodeAt(i); } return out; }
  function utf8(s) { return new TextEncoder().encode(s); }

  function leafHash(entry) { return sha256(concat(0, utf8(entry))); }
  function nodeHash(l, r) { return sha256(concat(1, l, r)); }

  // RFC 9162 2.1.3.2: the root an inclusion proof leads to.
  function rootFromProof(index, size, leaf, proof) {
    var fn = index, sn = size - 1, r = Promise.resolve(leaf), i = 0;
    if (index < 0 || index >= size) { return Promise.reject(new Error('index outside the tree')); }
    function step(cur) {
      if (i === proof.length) {
        if (sn !== 0) { throw new Error('proof too short'); }
        return cur;
      }
      if (sn === 0) { throw new Error('proof too long'); }
      var p = unhex(proof[i++]), next;
      if (fn % 2 === 1 || fn === sn) {
        next = nodeHash(p, cur);
        while (fn % 2 === 0 && fn !== 0) { fn = Math.floor(fn / 2); sn = Math.floor(sn / 2); }
      } else {
        next = nodeHash(cur, p);
      }
      fn = Math.floor(fn / 2); sn = Math.floor(sn / 2);
      return next.then(step);
    }
    return r.then(step);
  }

  var note = window.SIJILL_CHECKPOINT || '';
  var vkey = window.SIJILL_VKEY || '';
  var list = window.SIJILL_LIST || { entries: [] };
  var lines = note.split('\n');
  var cp = { origin: lines[0], size: parseInt(lines[1], 10), root: lines[2] ? hex(unbase64(lines[2])) : '' };

  function show(id, ok, text) {
    var el = document.getElementById(id);
    el.className = ok ? 'ok' : 'fail';
    el.textContent = text;
    el.dataset.ok = ok ? 'true' : 'false';
  }

  function checkSignature() {
    var split = note.lastIndexOf('\n\n');
    var body = note.substring(0, split + 1);
    var sigLine = note.substring(split + 2).trim();
    // name+keyid+base64(key): the base64 may itself hold '+', so split at the first two only.
    var i1 = vkey.indexOf('+'), i2 = vkey.indexOf('+', i1 + 1);
    var parts = [vkey.substring(0, i1), vkey.substring(i1 + 1, i2), vkey.substring(i2 + 1)];
    if (split < 0 || i1 < 0 || i2 < 0 || sigLine.indexOf('\u2014 ' + parts[0] + ' ') !== 0) {
      return Promise.resolve([false, 'the checkpoint is not a note signed by ' + parts[0]]);
    }
    var sig = unbase64(sigLine.split(' ')[2]).slice(4);
    var key = unbase64(parts[2]).slice(1);
    if (!subtle) { return Promise.resolve([null, 'this browser cannot check Ed25519 signatures: use sijill verify-report or openssl']); }
    return subtle.importKey('raw', key, { name: 'Ed25519' }, false, ['verify'])
      .then(function (k) { return subtle.verify({ name: 'Ed25519' }, k, sig, utf8(body)); })
      .then(function (ok) { return ok ? [true, 'valid Ed25519 signature by ' + parts[0] + ' · توقيع صحيح'] : [false, 'the signature does not verify · التوقيع غير صحيح']; },
        function () { return [null, 'this browser cannot check Ed25519 signatures: use sijill verify-report or openssl']; });
  }

  function checkEntry(i, text) {
    var e = list.entries[i];
    return leafHash(text).then(function (leaf) {
      return rootFromProof(e.index, cp.size, leaf, e.proof);
    }).then(function (root) { return hex(root) === cp.root; });
  }

  function checkAll() {
    var entries = list.entries, bad = [], i = 0;
    if (list.size !== cp.size || list.root !== cp.root || entries.length !== cp.size) {
      show('all-result', false, 'the list does not match the checkpoint (size or root) · القائمة لا تطابق نقطة التحقق');
      return Promise.resolve();
    }
    function next() {
      if (i === entries.length) {
        if (bad.length === 0) {
          show('all-result', true, 'OK: all ' + entries.length + ' entries are in the signed tree · جميع المُدخلات موجودة في الشجرة الموقّعة');
        } else {
          show('all-result', false, 'FAILED: ' + bad.length + ' entries do not verify: ' + bad.slice(0, 20).join(', ') + ' · فشل التحقق');
        }
        return;
      }
      var k = i++;
      return checkEntry(k, entries[k].entry).then(function (ok) {
        if (!ok) { bad.push('#' + k); }
      }, function () { bad.push('#' + k); }).then(next);
    }
    return next();
  }

  function checkOne() {
    var text = document.getElementById('entry').value.trim();
    return leafHash(text).then(function (leaf) {
      var h = hex(leaf), found = -1;
      // Find the entry by its leaf hash, then check its proof against the signed root.
      var chain = Promise.resolve();
      list.entries.forEach(function (e, k) {
        chain = chain.then(function () {
          if (found >= 0) { return; }
          return leafHash(e.entry).then(function (lh) { if (hex(lh) === h) { found = k; } });
        });
      });
      return chain.then(function () {
        if (found < 0) {
          show('one-result', false, 'NOT in the signed list: no entry has this leaf hash (' + h.substring(0, 16) + '…) · ليس في القائمة الموقّعة');
          return;
        }
        return rootFromProof(list.entries[found].index, cp.size, leaf, list.entries[found].proof).then(function (root) {
          if (hex(root) === cp.root) {
            show('one-result', true, 'OK: entry #' + found + ' of ' + cp.size + ' is in the signed tree · المُدخل موجود في الشجرة الموقّعة');
          } else {
            show('one-result', false, 'FAILED: the proof of entry #' + found + ' does not lead to the signed root · فشل التحقق');
          }
        });
      });
    });
  }

  document.getElementById('checkpoint').textContent = note + '\nkey: ' + vkey;
  checkSignature().then(function (r) {
    var el = document.getElementById('signature');
    el.textContent = r[1];
    el.className = r[0] === true ? 'ok' : r[0] === false ? 'fail' : '';
    el.dataset.ok = String(r[0]);
  });
  var tbody = document.querySelector('#list tbody');
  var fields = ['id', 'name', 'sex', 'age_group', 'date_of_death', 'governorate'];
  list.entries.forEach(function (e, k) {
    var tr = document.createElement('tr');
    var td = document.createElement('td');
    td.textContent = String(k);
    tr.appendChild(td);
    var o = {};
    try { o = JSON.parse(e.entry); } catch (x) { o = {}; }
    fields.forEach(function (f) {
      var c = document.createElement('td');
      c.textContent = o[f] == null ? '' : String(o[f]);
      c.dir = 'auto';
      tr.appendChild(c);
    });
    tr.addEventListener('click', function () { document.getElementById('entry').value = e.entry; });
    tbody.appendChild(tr);
  });
  document.getElementById('list-count').textContent = list.entries.length + ' entries · مُدخلاً';
  document.getElementById('check-all').addEventListener('click', checkAll);
  document.getElementById('check-one').addEventListener('click', checkOne);
  window.sijillSha256Own = function (s) { return hex(sha256Own(utf8(s))); };
})();
