;; Float64 kernels of one gradient-descent epoch of logistic regression.
;;
;; Pointers are byte addresses in the exported memory, counts are element counts, and float64
;; arrays start on 8-byte boundaries. The caller lays the arrays out, grows the memory, and leaves
;; 16 bytes after the last array, because a two-lane load of an odd last row reads 8 bytes past
;; its array. Plain mul and add are used throughout (no fused multiply-add), so results are the
;; same on every engine, and the dense gradient matches a plain JavaScript loop bit for bit.
;; Hot loops are written out in full: V8 in Node 20 does not inline calls between Wasm functions.
;;
;; The one-hot kernels work on a table of float64 values and a table of float64 gradient sums
;; of the same length. Codes and pairs hold the addresses of values, so that a read needs
;; neither a shift nor a base.
;;
;; Rebuild the embedded copy after an edit: npx tsx scripts/compileTrainingKernels.ts
(module
  (memory (export "memory") 1)

  ;; For e from 0 to count - 1 in order, values[first + e] becomes the sum of the values at the
  ;; addresses pairs[2e] and pairs[2e + 1], and sums[first + e] becomes 0; out is the address of
  ;; values[first], and toSums the distance in bytes from the values to the sums. An entry may
  ;; use entries written before it.
  (func (export "sumPairs") (param $pairs i32) (param $count i32) (param $out i32) (param $toSums i32)
    (local $end i32)
    (local.set $end (i32.add (local.get $out) (i32.shl (local.get $count) (i32.const 3))))
    (if (i32.lt_u (local.get $out) (local.get $end))
      (then
        (loop $next
          (f64.store (local.get $out)
            (f64.add
              (f64.load (i32.load (local.get $pairs)))
              (f64.load (i32.load offset=4 (local.get $pairs)))))
          (f64.store (i32.add (local.get $out) (local.get $toSums)) (f64.const 0))
          (local.set $pairs (i32.add (local.get $pairs) (i32.const 8)))
          (local.set $out (i32.add (local.get $out) (i32.const 8)))
          (br_if $next (i32.lt_u (local.get $out) (local.get $end)))))))

  ;; The reverse of sumPairs for gradients: for e from count - 1 down to 0, adds sums[first + e]
  ;; to the sums of the two entries whose values are at pairs[2e] and pairs[2e + 1]. first is the
  ;; address of sums[first]; toSums is the distance in bytes from the values to the sums.
  (func (export "spreadPairs")
    (param $pairs i32) (param $count i32) (param $first i32) (param $toSums i32)
    (local $entry i32) (local $pair i32) (local $value f64) (local $target i32)
    (local.set $entry (i32.add (local.get $first) (i32.shl (local.get $count) (i32.const 3))))
    (local.set $pair (i32.add (local.get $pairs) (i32.shl (local.get $count) (i32.const 3))))
    (if (i32.gt_u (local.get $pair) (local.get $pairs))
      (then
        (loop $next
          (local.set $entry (i32.sub (local.get $entry) (i32.const 8)))
          (local.set $pair (i32.sub (local.get $pair) (i32.const 8)))
          (local.set $value (f64.load (local.get $entry)))
          (local.set $target (i32.add (i32.load (local.get $pair)) (local.get $toSums)))
          (f64.store (local.get $target) (f64.add (f64.load (local.get $target)) (local.get $value)))
          (local.set $target (i32.add (i32.load offset=4 (local.get $pair)) (local.get $toSums)))
          (f64.store (local.get $target) (f64.add (f64.load (local.get $target)) (local.get $value)))
          (br_if $next (i32.gt_u (local.get $pair) (local.get $pairs)))))))

  ;; out[row] = bias + the sum of the values at the addresses codes[row * units + u] over u, for
  ;; each row. Four running sums hide the latency of the additions; they are combined as
  ;; bias + ((s0 + s1) + (s2 + s3)).
  (func (export "gatherRows")
    (param $codes i32) (param $rows i32) (param $units i32) (param $bias f64) (param $out i32)
    (local $end i32) (local $rowEnd i32) (local $blockEnd i32)
    (local $s0 f64) (local $s1 f64) (local $s2 f64) (local $s3 f64)
    (local.set $end (i32.add (local.get $out) (i32.shl (local.get $rows) (i32.const 3))))
    (block $rowsDone
      (loop $row
        (br_if $rowsDone (i32.ge_u (local.get $out) (local.get $end)))
        (local.set $rowEnd (i32.add (local.get $codes) (i32.shl (local.get $units) (i32.const 2))))
        (local.set $blockEnd
          (i32.add (local.get $codes)
            (i32.shl (i32.and (local.get $units) (i32.const -4)) (i32.const 2))))
        (local.set $s0 (f64.const 0))
        (local.set $s1 (f64.const 0))
        (local.set $s2 (f64.const 0))
        (local.set $s3 (f64.const 0))
        (block $blocksDone
          (loop $block
            (br_if $blocksDone (i32.ge_u (local.get $codes) (local.get $blockEnd)))
            (local.set $s0 (f64.add (local.get $s0) (f64.load (i32.load (local.get $codes)))))
            (local.set $s1 (f64.add (local.get $s1) (f64.load (i32.load offset=4 (local.get $codes)))))
            (local.set $s2 (f64.add (local.get $s2) (f64.load (i32.load offset=8 (local.get $codes)))))
            (local.set $s3 (f64.add (local.get $s3) (f64.load (i32.load offset=12 (local.get $codes)))))
            (local.set $codes (i32.add (local.get $codes) (i32.const 16)))
            (br $block)))
        (block $tailDone
          (loop $tail
            (br_if $tailDone (i32.ge_u (local.get $codes) (local.get $rowEnd)))
            (local.set $s0 (f64.add (local.get $s0) (f64.load (i32.load (local.get $codes)))))
            (local.set $codes (i32.add (local.get $codes) (i32.const 4)))
            (br $tail)))
        (f64.store (local.get $out)
          (f64.add (local.get $bias)
            (f64.add
              (f64.add (local.get $s0) (local.get $s1))
              (f64.add (local.get $s2) (local.get $s3)))))
        (local.set $out (i32.add (local.get $out) (i32.const 8)))
        (br $row))))

  ;; Adds residuals[row] to the sums of the entries whose values are at codes[row * units + u],
  ;; for every row in order and every unit; toSums is the distance in bytes from the values to
  ;; the sums. The entries of one row are distinct.
  (func (export "scatterRows")
    (param $codes i32) (param $rows i32) (param $units i32) (param $residuals i32) (param $toSums i32)
    (local $end i32) (local $rowEnd i32) (local $value f64) (local $target i32)
    (local.set $end (i32.add (local.get $residuals) (i32.shl (local.get $rows) (i32.const 3))))
    (block $rowsDone
      (loop $row
        (br_if $rowsDone (i32.ge_u (local.get $residuals) (local.get $end)))
        (local.set $value (f64.load (local.get $residuals)))
        (local.set $rowEnd (i32.add (local.get $codes) (i32.shl (local.get $units) (i32.const 2))))
        (block $unitsDone
          (loop $unit
            (br_if $unitsDone (i32.ge_u (local.get $codes) (local.get $rowEnd)))
            (local.set $target (i32.add (i32.load (local.get $codes)) (local.get $toSums)))
            (f64.store (local.get $target)
              (f64.add (f64.load (local.get $target)) (local.get $value)))
            (local.set $codes (i32.add (local.get $codes) (i32.const 4)))
            (br $unit)))
        (local.set $residuals (i32.add (local.get $residuals) (i32.const 8)))
        (br $row))))

  ;; out[row] = x[row]·w + bias for a row-major block x of rows x cols. Four two-lane running
  ;; sums cover eight columns a step, then one sum two columns a step; an odd last column is
  ;; added alone.
  (func (export "denseLogits")
    (param $x i32) (param $rows i32) (param $cols i32) (param $w i32) (param $bias f64)
    (param $out i32)
    (local $end i32) (local $rowEnd i32) (local $wp i32) (local $sum f64)
    (local $a0 v128) (local $a1 v128) (local $a2 v128) (local $a3 v128)
    (local.set $end (i32.add (local.get $out) (i32.shl (local.get $rows) (i32.const 3))))
    (block $rowsDone
      (loop $row
        (br_if $rowsDone (i32.ge_u (local.get $out) (local.get $end)))
        (local.set $rowEnd (i32.add (local.get $x) (i32.shl (local.get $cols) (i32.const 3))))
        (local.set $wp (local.get $w))
        (local.set $a0 (v128.const i64x2 0 0))
        (local.set $a1 (v128.const i64x2 0 0))
        (local.set $a2 (v128.const i64x2 0 0))
        (local.set $a3 (v128.const i64x2 0 0))
        (block $blocksDone
          (loop $block
            (br_if $blocksDone
              (i32.gt_u (i32.add (local.get $x) (i32.const 64)) (local.get $rowEnd)))
            (local.set $a0 (f64x2.add (local.get $a0)
              (f64x2.mul (v128.load (local.get $x)) (v128.load (local.get $wp)))))
            (local.set $a1 (f64x2.add (local.get $a1)
              (f64x2.mul (v128.load offset=16 (local.get $x)) (v128.load offset=16 (local.get $wp)))))
            (local.set $a2 (f64x2.add (local.get $a2)
              (f64x2.mul (v128.load offset=32 (local.get $x)) (v128.load offset=32 (local.get $wp)))))
            (local.set $a3 (f64x2.add (local.get $a3)
              (f64x2.mul (v128.load offset=48 (local.get $x)) (v128.load offset=48 (local.get $wp)))))
            (local.set $x (i32.add (local.get $x) (i32.const 64)))
            (local.set $wp (i32.add (local.get $wp) (i32.const 64)))
            (br $block)))
        (block $pairsDone
          (loop $pair
            (br_if $pairsDone
              (i32.gt_u (i32.add (local.get $x) (i32.const 16)) (local.get $rowEnd)))
            (local.set $a0 (f64x2.add (local.get $a0)
              (f64x2.mul (v128.load (local.get $x)) (v128.load (local.get $wp)))))
            (local.set $x (i32.add (local.get $x) (i32.const 16)))
            (local.set $wp (i32.add (local.get $wp) (i32.const 16)))
            (br $pair)))
        (local.set $a0 (f64x2.add (f64x2.add (local.get $a0) (local.get $a1))
                                  (f64x2.add (local.get $a2) (local.get $a3))))
        (local.set $sum (f64.add (f64x2.extract_lane 0 (local.get $a0))
                                 (f64x2.extract_lane 1 (local.get $a0))))
        (if (i32.lt_u (local.get $x) (local.get $rowEnd))
          (then
            (local.set $sum (f64.add (local.get $sum)
              (f64.mul (f64.load (local.get $x)) (f64.load (local.get $wp)))))
            (local.set $x (local.get $rowEnd))))
        (f64.store (local.get $out) (f64.add (local.get $sum) (local.get $bias)))
        (local.set $out (i32.add (local.get $out) (i32.const 8)))
        (br $row))))

  ;; g[col] += x[row, col] * residuals[row] for every row in order, then every column: the same
  ;; operations in the same order as a plain loop, two columns at a time.
  (func (export "denseAccumulate")
    (param $x i32) (param $rows i32) (param $cols i32) (param $residuals i32) (param $g i32)
    (local $end i32) (local $rowEnd i32) (local $gp i32) (local $factor v128)
    (local.set $end (i32.add (local.get $residuals) (i32.shl (local.get $rows) (i32.const 3))))
    (block $rowsDone
      (loop $row
        (br_if $rowsDone (i32.ge_u (local.get $residuals) (local.get $end)))
        (local.set $rowEnd (i32.add (local.get $x) (i32.shl (local.get $cols) (i32.const 3))))
        (local.set $gp (local.get $g))
        (local.set $factor (v128.load64_splat (local.get $residuals)))
        (block $blocksDone
          (loop $block
            (br_if $blocksDone
              (i32.gt_u (i32.add (local.get $x) (i32.const 64)) (local.get $rowEnd)))
            (v128.store (local.get $gp) (f64x2.add (v128.load (local.get $gp))
              (f64x2.mul (v128.load (local.get $x)) (local.get $factor))))
            (v128.store offset=16 (local.get $gp) (f64x2.add (v128.load offset=16 (local.get $gp))
              (f64x2.mul (v128.load offset=16 (local.get $x)) (local.get $factor))))
            (v128.store offset=32 (local.get $gp) (f64x2.add (v128.load offset=32 (local.get $gp))
              (f64x2.mul (v128.load offset=32 (local.get $x)) (local.get $factor))))
            (v128.store offset=48 (local.get $gp) (f64x2.add (v128.load offset=48 (local.get $gp))
              (f64x2.mul (v128.load offset=48 (local.get $x)) (local.get $factor))))
            (local.set $x (i32.add (local.get $x) (i32.const 64)))
            (local.set $gp (i32.add (local.get $gp) (i32.const 64)))
            (br $block)))
        (block $pairsDone
          (loop $pair
            (br_if $pairsDone
              (i32.gt_u (i32.add (local.get $x) (i32.const 16)) (local.get $rowEnd)))
            (v128.store (local.get $gp) (f64x2.add (v128.load (local.get $gp))
              (f64x2.mul (v128.load (local.get $x)) (local.get $factor))))
            (local.set $x (i32.add (local.get $x) (i32.const 16)))
            (local.set $gp (i32.add (local.get $gp) (i32.const 16)))
            (br $pair)))
        (if (i32.lt_u (local.get $x) (local.get $rowEnd))
          (then
            (f64.store (local.get $gp) (f64.add (f64.load (local.get $gp))
              (f64.mul (f64.load (local.get $x)) (f64.load (local.get $residuals)))))
            (local.set $x (local.get $rowEnd))))
        (local.set $residuals (i32.add (local.get $residuals) (i32.const 8)))
        (br $row))))

  ;; 2^(j/64) for j = 0 to 63, each rounded to the nearest double, at address 0: the table of
  ;; expNegativeAbs. Callers place their arrays from EXP_TABLE_BYTES (512) on.
  (data (i32.const 0)
    "\00\00\00\00\00\00\f0\3f\61\80\77\3e\9a\2c\f0\3f\74\85\15\d3\b0\59\f0\3f\c8\9b\75\18\45\87\f0\3f"
    "\0f\89\f9\6c\58\b5\f0\3f\a2\d1\d3\32\ec\e3\f0\3f\51\5b\12\d0\01\13\f1\3f\e0\2d\a9\ae\9a\42\f1\3f"
    "\7b\51\7d\3c\b8\72\f1\3f\75\cb\6f\eb\5b\a3\f1\3f\aa\b9\68\31\87\d4\f1\3f\d6\8c\62\88\3b\06\f2\3f"
    "\38\62\75\6e\7a\38\f2\3f\dd\7c\e2\65\45\6b\f2\3f\e1\de\1f\f5\9d\9e\f2\3f\0b\03\e4\a6\85\d2\f2\3f"
    "\15\b7\31\0a\fe\06\f3\3f\ff\16\64\b2\08\3c\f3\3f\cb\a9\3a\37\a7\71\f3\3f\f7\9f\e5\34\db\a7\f3\3f"
    "\22\34\12\4c\a6\de\f3\3f\2a\2e\f7\21\0a\16\f4\3f\2d\89\61\60\08\4e\f4\3f\d0\3c\c1\b5\a2\86\f4\3f"
    "\27\2a\36\d5\da\bf\f4\3f\a7\2c\9d\76\b2\f9\f4\3f\82\4f\9d\56\2b\34\f5\3f\da\27\b5\36\47\6f\f5\3f"
    "\29\54\48\dd\07\ab\f5\3f\48\21\ad\15\6f\e7\f5\3f\85\55\3a\b0\7e\24\f6\3f\25\22\55\82\38\62\f6\3f"
    "\cd\3b\7f\66\9e\a0\f6\3f\2f\1a\65\3c\b2\df\f6\3f\74\5f\ec\e8\75\1f\f7\3f\c9\67\42\56\eb\5f\f7\3f"
    "\87\01\eb\73\14\a1\f7\3f\62\4e\cf\36\f3\e2\f7\3f\13\ce\4c\99\89\25\f8\3f\ed\92\44\9b\d9\68\f8\3f"
    "\db\a0\2a\42\e5\ac\f8\3f\36\77\15\99\ae\f1\f8\3f\e5\c5\cd\b0\37\37\f9\3f\50\4e\de\9f\82\7d\f9\3f"
    "\90\f0\a3\82\91\c4\f9\3f\65\e5\5d\7b\66\0c\fa\3f\5d\25\3e\b2\03\55\fa\3f\bf\fd\79\55\6b\9e\fa\3f"
    "\ad\d3\5a\99\9f\e8\fa\3f\fb\15\4f\b8\a2\33\fb\3f\47\5e\fb\f2\76\7f\fb\3f\d2\c1\4b\90\1e\cc\fb\3f"
    "\9c\52\85\dd\9b\19\fc\3f\4b\d1\57\2e\f1\67\fc\3f\69\90\ef\dc\20\b7\fc\3f\7c\89\07\4a\2d\07\fd\3f"
    "\87\a4\fb\dc\18\58\fd\3f\85\32\db\03\e6\a9\fd\3f\5f\9b\7b\33\97\fc\fd\3f\f6\3f\8b\e7\2e\50\fe\3f"
    "\da\90\a4\a2\af\a4\fe\3f\27\5a\61\ee\1b\fa\fe\3f\40\45\6e\5b\76\50\ff\3f\d8\90\9e\81\c1\a7\ff\3f")

  ;; out[i] = e^-|z[i]| for count values z. For x = -|z|, k = round(64 x / ln2) and
  ;; r = x - k ln2 / 64, with ln2 / 64 in two parts so that k times the first is exact; then
  ;; e^x = 2^(k >> 6) 2^((k & 63) / 64) e^r, with |r| <= ln2 / 128, e^r - 1 from its Taylor
  ;; polynomial of degree 6 (the first term left out is below 2^-62), and 2^((k & 63) / 64)
  ;; from the table. The scale by 2^(k >> 6) is done in two halves so that results below
  ;; 2^-1022 round once. x is clamped at -746, where e^x already rounds to 0; NaN stays NaN.
  ;; An odd last value is computed with whatever follows it, and only its own result is stored.
  ;; out may be z.
  (func (export "expNegativeAbs") (param $z i32) (param $count i32) (param $out i32)
    (local $end i32) (local $x v128) (local $k v128) (local $r v128) (local $p v128)
    (local $k32 v128) (local $index v128) (local $scale v128) (local $half v128)
    (local $power v128) (local $e v128)
    (local.set $end (i32.add (local.get $z) (i32.shl (local.get $count) (i32.const 3))))
    (block $done
      (loop $pair
        (br_if $done (i32.ge_u (local.get $z) (local.get $end)))
        (local.set $x (f64x2.pmax (f64x2.neg (f64x2.abs (v128.load (local.get $z))))
                                  (v128.const f64x2 -746 -746)))
        ;; 64 / ln2, then ln2 / 64 as 0.010830424696223417 (36 significant bits) + 2.5728e-14
        (local.set $k (f64x2.nearest
          (f64x2.mul (local.get $x) (v128.const f64x2 92.33248261689366 92.33248261689366))))
        (local.set $r
          (f64x2.sub
            (f64x2.sub (local.get $x)
              (f64x2.mul (local.get $k)
                (v128.const f64x2 0.010830424696223417 0.010830424696223417)))
            (f64x2.mul (local.get $k)
              (v128.const f64x2 2.572804622327669e-14 2.572804622327669e-14))))
        (local.set $k32 (i32x4.trunc_sat_f64x2_s_zero (local.get $k)))
        (local.set $index
          (i32x4.shl (v128.and (local.get $k32) (v128.const i32x4 63 63 63 63)) (i32.const 3)))
        (local.set $power (v128.load64_zero (i32x4.extract_lane 0 (local.get $index))))
        (local.set $power
          (v128.load64_lane 1 (i32x4.extract_lane 1 (local.get $index)) (local.get $power)))
        ;; p = r + r^2 (1/2 + r (1/6 + r (1/24 + r (1/120 + r / 720)))), about e^r - 1
        (local.set $p
          (f64x2.add (local.get $r)
            (f64x2.mul (f64x2.mul (local.get $r) (local.get $r))
              (f64x2.add (v128.const f64x2 0.5 0.5)
                (f64x2.mul (local.get $r)
                  (f64x2.add (v128.const f64x2 0.16666666666666666 0.16666666666666666)
                    (f64x2.mul (local.get $r)
                      (f64x2.add (v128.const f64x2 0.041666666666666664 0.041666666666666664)
                        (f64x2.mul (local.get $r)
                          (f64x2.add (v128.const f64x2 0.008333333333333333 0.008333333333333333)
                            (f64x2.mul (local.get $r)
                              (v128.const f64x2 0.001388888888888889 0.001388888888888889))))))))))))
        ;; k >> 6 lies in [-1077, 0]; 2^scale = 2^half 2^(scale - half) with half = scale >> 1
        ;; keeps both factors normal.
        (local.set $scale (i32x4.shr_s (local.get $k32) (i32.const 6)))
        (local.set $half (i32x4.shr_s (local.get $scale) (i32.const 1)))
        (local.set $e
          (f64x2.mul
            (f64x2.mul
              (f64x2.add (local.get $power) (f64x2.mul (local.get $power) (local.get $p)))
              (i64x2.shl
                (i64x2.add (i64x2.extend_low_i32x4_s (local.get $half)) (v128.const i64x2 1023 1023))
                (i32.const 52)))
            (i64x2.shl
              (i64x2.add
                (i64x2.extend_low_i32x4_s (i32x4.sub (local.get $scale) (local.get $half)))
                (v128.const i64x2 1023 1023))
              (i32.const 52))))
        (if (i32.le_u (i32.add (local.get $z) (i32.const 16)) (local.get $end))
          (then (v128.store (local.get $out) (local.get $e)))
          (else (v128.store64_lane 0 (local.get $out) (local.get $e))))
        (local.set $z (i32.add (local.get $z) (i32.const 16)))
        (local.set $out (i32.add (local.get $out) (i32.const 16)))
        (br $pair))))

  ;; For each row with logit z, class y (0 or 1) and e = e^-|z| from expNegativeAbs, writes the
  ;; residual sigmoid(z) - y and returns the parts of the sums of the residuals and of the
  ;; log-losses. sigmoid(z) is computed as 1 / (1 + e) for z >= 0 and as e times that otherwise,
  ;; and the log-loss as max(z, 0) - y z + log1p(e), whose first two terms are exact for y in
  ;; {0, 1}.
  ;;
  ;; The sum of log1p(e) costs no logarithm per row: with v = 1 + e rounded and its rounding
  ;; error c = e - (v - 1), log1p(e) = log(v) + log1p(c / v), where log1p(c / v) = c / v to within
  ;; 2^-106, and the sum of log(v) is the logarithm of the product of the v, kept in each lane as
  ;; a mantissa in [1, 2) and a count of factors of 2. Each product adds at most 2^-53 relative
  ;; error, so the sum of log1p(e) over n rows is off by at most about n 2^-53 plus the error of
  ;; the caller's two final logarithms.
  ;;
  ;; Results: the sum of max(z, 0) - y z + c / v over the rows, the sum of the residuals, the
  ;; mantissas of the two lanes, and the total count of factors of 2. The sum of the log-losses
  ;; is the first plus log(mantissa 0) + log(mantissa 1) + count ln 2.
  ;; Two rows are done at a time, and each sum is kept in two lanes. An odd last row is loaded
  ;; with whatever follows it, and the second lane of its results is dropped. residuals may be
  ;; exponentials, since each row's e is read before its residual is written.
  (func (export "logisticLoss")
    (param $logits i32) (param $exponentials i32) (param $targets i32) (param $rows i32)
    (param $residuals i32)
    (result f64 f64 f64 f64 f64)
    (local $end i32) (local $z v128) (local $y v128) (local $e v128) (local $onePlusE v128)
    (local $inverse v128) (local $terms v128) (local $residual v128)
    (local $termSums v128) (local $residualSums v128) (local $product v128) (local $twos v128)
    (local.set $end (i32.add (local.get $logits) (i32.shl (local.get $rows) (i32.const 3))))
    (local.set $product (v128.const f64x2 1 1))
    (block $rowsDone
      (loop $pair
        (br_if $rowsDone (i32.ge_u (local.get $logits) (local.get $end)))
        (local.set $z (v128.load (local.get $logits)))
        (local.set $y (v128.load (local.get $targets)))
        (local.set $e (v128.load (local.get $exponentials)))
        (local.set $onePlusE (f64x2.add (v128.const f64x2 1 1) (local.get $e)))
        (local.set $inverse (f64x2.div (v128.const f64x2 1 1) (local.get $onePlusE)))
        (local.set $residual
          (f64x2.sub
            (v128.bitselect
              (local.get $inverse)
              (f64x2.mul (local.get $e) (local.get $inverse))
              (f64x2.ge (local.get $z) (v128.const f64x2 0 0)))
            (local.get $y)))
        ;; max(z, 0) - y z + c / v
        (local.set $terms
          (f64x2.add
            (f64x2.sub
              (f64x2.max (local.get $z) (v128.const f64x2 0 0))
              (f64x2.mul (local.get $y) (local.get $z)))
            (f64x2.mul (local.get $inverse)
              (f64x2.sub (local.get $e)
                (f64x2.sub (local.get $onePlusE) (v128.const f64x2 1 1))))))

        (if (i32.le_u (i32.add (local.get $logits) (i32.const 16)) (local.get $end))
          (then (v128.store (local.get $residuals) (local.get $residual)))
          (else
            (local.set $terms (v128.and (local.get $terms) (v128.const i64x2 -1 0)))
            (local.set $residual (v128.and (local.get $residual) (v128.const i64x2 -1 0)))
            (local.set $onePlusE
              (v128.bitselect (local.get $onePlusE) (v128.const f64x2 1 1) (v128.const i64x2 -1 0)))
            (v128.store64_lane 0 (local.get $residuals) (local.get $residual))))
        (local.set $termSums (f64x2.add (local.get $termSums) (local.get $terms)))
        (local.set $residualSums (f64x2.add (local.get $residualSums) (local.get $residual)))

        ;; The product stays in [1, 2): after each factor v in [1, 2], the exponent field is
        ;; counted and reset to 1023.
        (local.set $product (f64x2.mul (local.get $product) (local.get $onePlusE)))
        (local.set $twos
          (i64x2.add (local.get $twos)
            (i64x2.sub (i64x2.shr_u (local.get $product) (i32.const 52)) (v128.const i64x2 1023 1023))))
        (local.set $product
          (v128.or (v128.and (local.get $product) (v128.const i64x2 0x000fffffffffffff 0x000fffffffffffff))
                   (v128.const i64x2 0x3ff0000000000000 0x3ff0000000000000)))

        (local.set $logits (i32.add (local.get $logits) (i32.const 16)))
        (local.set $exponentials (i32.add (local.get $exponentials) (i32.const 16)))
        (local.set $targets (i32.add (local.get $targets) (i32.const 16)))
        (local.set $residuals (i32.add (local.get $residuals) (i32.const 16)))
        (br $pair)))
    (f64.add (f64x2.extract_lane 0 (local.get $termSums)) (f64x2.extract_lane 1 (local.get $termSums)))
    (f64.add (f64x2.extract_lane 0 (local.get $residualSums))
             (f64x2.extract_lane 1 (local.get $residualSums)))
    (f64x2.extract_lane 0 (local.get $product))
    (f64x2.extract_lane 1 (local.get $product))
    (f64.convert_i64_s
      (i64.add (i64x2.extract_lane 0 (local.get $twos)) (i64x2.extract_lane 1 (local.get $twos))))))
