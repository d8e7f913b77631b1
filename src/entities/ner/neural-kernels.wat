;; The BiLSTM-CRF tagger's arithmetic in WebAssembly SIMD (4 float32 lanes): an affine map for the input
;; projection of a word form and the output layer, and one direction of the LSTM over a sentence with its
;; gates' sigmoid and tanh. createNeuralTagger lays out the weights in `memory` (transposed, so that four
;; outputs are computed at once) and passes byte offsets. Built by `npm run build:wasm` into
;; neural-kernels-wasm.ts; a test checks the committed bytes equal a fresh build of this file.
(module
  (memory (export "memory") 1)

  ;; 1 / (1 + e^-x) of four lanes, e^-x by Cephes' expf (range reduction by ln 2, degree-6 polynomial,
  ;; relative error about 1e-7) with -x clamped to [-87, 88].
  (func $sigmoid (param $x v128) (result v128)
    (local $n v128)
    (local $r v128)
    (local $p v128)
    (local.set $x
      (f32x4.max
        (f32x4.min (f32x4.neg (local.get $x)) (v128.const f32x4 88 88 88 88))
        (v128.const f32x4 -87 -87 -87 -87)))
    (local.set $n
      (f32x4.nearest
        (f32x4.mul (local.get $x) (v128.const f32x4 1.44269504088896341 1.44269504088896341 1.44269504088896341 1.44269504088896341))))
    (local.set $r
      (f32x4.sub
        (f32x4.sub (local.get $x) (f32x4.mul (local.get $n) (v128.const f32x4 0.693359375 0.693359375 0.693359375 0.693359375)))
        (f32x4.mul (local.get $n) (v128.const f32x4 -2.12194440e-4 -2.12194440e-4 -2.12194440e-4 -2.12194440e-4))))
    (local.set $p (v128.const f32x4 1.9875691500e-4 1.9875691500e-4 1.9875691500e-4 1.9875691500e-4))
    (local.set $p
      (f32x4.add (f32x4.mul (local.get $p) (local.get $r))
        (v128.const f32x4 1.3981999507e-3 1.3981999507e-3 1.3981999507e-3 1.3981999507e-3)))
    (local.set $p
      (f32x4.add (f32x4.mul (local.get $p) (local.get $r))
        (v128.const f32x4 8.3334519073e-3 8.3334519073e-3 8.3334519073e-3 8.3334519073e-3)))
    (local.set $p
      (f32x4.add (f32x4.mul (local.get $p) (local.get $r))
        (v128.const f32x4 4.1665795894e-2 4.1665795894e-2 4.1665795894e-2 4.1665795894e-2)))
    (local.set $p
      (f32x4.add (f32x4.mul (local.get $p) (local.get $r))
        (v128.const f32x4 1.6666665459e-1 1.6666665459e-1 1.6666665459e-1 1.6666665459e-1)))
    (local.set $p
      (f32x4.add (f32x4.mul (local.get $p) (local.get $r))
        (v128.const f32x4 5.0000001201e-1 5.0000001201e-1 5.0000001201e-1 5.0000001201e-1)))
    (local.set $p
      (f32x4.add
        (f32x4.add (f32x4.mul (local.get $p) (f32x4.mul (local.get $r) (local.get $r))) (local.get $r))
        (v128.const f32x4 1 1 1 1)))
    ;; times 2^n, built in the exponent bits
    (f32x4.div
      (v128.const f32x4 1 1 1 1)
      (f32x4.add
        (v128.const f32x4 1 1 1 1)
        (f32x4.mul
          (local.get $p)
          (i32x4.shl
            (i32x4.add (i32x4.trunc_sat_f32x4_s (local.get $n)) (v128.const i32x4 127 127 127 127))
            (i32.const 23))))))

  ;; For each of `rows` rows r: out[r] = bias + x[r] W, with x[r] of K floats at x + 4rK, W of K rows of N
  ;; floats (N a multiple of 4), out[r] of N floats at out + 4rN. Zeros of x are skipped. out may be bias.
  (func (export "affine")
    (param $out i32) (param $bias i32) (param $w i32) (param $x i32)
    (param $rows i32) (param $K i32) (param $N i32)
    (local $r i32) (local $o i32) (local $xr i32) (local $k i32) (local $j i32) (local $wk i32)
    (local $nb i32) (local $s v128) (local $xk f32)
    (local.set $nb (i32.shl (local.get $N) (i32.const 2)))
    (local.set $r (i32.const 0))
    (block $rowsDone
      (loop $row
        (br_if $rowsDone (i32.ge_u (local.get $r) (local.get $rows)))
        (local.set $o (i32.add (local.get $out) (i32.mul (local.get $r) (local.get $nb))))
        (local.set $xr (i32.add (local.get $x) (i32.shl (i32.mul (local.get $r) (local.get $K)) (i32.const 2))))
        (local.set $j (i32.const 0))
        (block $copied
          (loop $copy
            (br_if $copied (i32.ge_u (local.get $j) (local.get $nb)))
            (v128.store (i32.add (local.get $o) (local.get $j))
              (v128.load (i32.add (local.get $bias) (local.get $j))))
            (local.set $j (i32.add (local.get $j) (i32.const 16)))
            (br $copy)))
        (local.set $k (i32.const 0))
        (block $inputsDone
          (loop $input
            (br_if $inputsDone (i32.ge_u (local.get $k) (local.get $K)))
            (local.set $xk (f32.load (i32.add (local.get $xr) (i32.shl (local.get $k) (i32.const 2)))))
            (if (f32.ne (local.get $xk) (f32.const 0))
              (then
                (local.set $s (f32x4.splat (local.get $xk)))
                (local.set $wk (i32.add (local.get $w) (i32.mul (local.get $k) (local.get $nb))))
                (local.set $j (i32.const 0))
                (block $done
                  (loop $column
                    (br_if $done (i32.ge_u (local.get $j) (local.get $nb)))
                    (v128.store (i32.add (local.get $o) (local.get $j))
                      (f32x4.add
                        (v128.load (i32.add (local.get $o) (local.get $j)))
                        (f32x4.mul (v128.load (i32.add (local.get $wk) (local.get $j))) (local.get $s))))
                    (local.set $j (i32.add (local.get $j) (i32.const 16)))
                    (br $column)))))
            (local.set $k (i32.add (local.get $k) (i32.const 1)))
            (br $input)))
        (local.set $r (i32.add (local.get $r) (i32.const 1)))
        (br $row))))

  ;; One direction of the LSTM (PyTorch's gate order i, f, g, o) over n tokens. proj: per token both
  ;; directions' input projections (2 × 4H floats, this direction's at dir × 4H); whh: the recurrent weights
  ;; transposed, H rows of 4H floats; hidden: per token 2H floats, this direction's written at dir × H;
  ;; gates (4H floats) and cell (H floats) are scratch. H a multiple of 4.
  (func (export "lstm")
    (param $proj i32) (param $whh i32) (param $hidden i32) (param $gates i32) (param $cell i32)
    (param $n i32) (param $H i32) (param $dir i32)
    (local $step i32) (local $t i32) (local $pt i32) (local $hp i32) (local $ht i32)
    (local $hb i32) (local $gb i32) (local $j i32) (local $k i32) (local $wk i32) (local $hk v128)
    (local $a0 v128) (local $a1 v128) (local $a2 v128) (local $a3 v128)
    (local $c v128) (local $x v128) (local $scale v128) (local $two i32)
    ;; bytes: H floats, 4H floats
    (local.set $hb (i32.shl (local.get $H) (i32.const 2)))
    (local.set $gb (i32.shl (local.get $H) (i32.const 4)))
    (local.set $j (i32.const 0))
    (block $zeroed
      (loop $zero
        (br_if $zeroed (i32.ge_u (local.get $j) (local.get $hb)))
        (v128.store (i32.add (local.get $cell) (local.get $j)) (v128.const i32x4 0 0 0 0))
        (local.set $j (i32.add (local.get $j) (i32.const 16)))
        (br $zero)))
    (local.set $step (i32.const 0))
    (block $stepsDone
      (loop $steps
        (br_if $stepsDone (i32.ge_u (local.get $step) (local.get $n)))
        (local.set $t
          (if (result i32) (local.get $dir)
            (then (i32.sub (i32.sub (local.get $n) (i32.const 1)) (local.get $step)))
            (else (local.get $step))))
        (local.set $pt
          (i32.add (local.get $proj)
            (i32.add (i32.mul (local.get $t) (i32.shl (local.get $gb) (i32.const 1)))
              (i32.mul (local.get $dir) (local.get $gb)))))
        ;; the previous token's hidden state of this direction
        (local.set $hp
          (i32.add (local.get $hidden)
            (i32.add
              (i32.mul
                (if (result i32) (local.get $dir)
                  (then (i32.add (local.get $t) (i32.const 1)))
                  (else (i32.sub (local.get $t) (i32.const 1))))
                (i32.shl (local.get $hb) (i32.const 1)))
              (i32.mul (local.get $dir) (local.get $hb)))))
        ;; gates = proj[t] + h[t-1] Whh, sixteen gates at a time
        (local.set $j (i32.const 0))
        (block $blocksDone
          (loop $block
            (br_if $blocksDone (i32.ge_u (local.get $j) (local.get $gb)))
            (local.set $a0 (v128.load (i32.add (local.get $pt) (local.get $j))))
            (local.set $a1 (v128.load offset=16 (i32.add (local.get $pt) (local.get $j))))
            (local.set $a2 (v128.load offset=32 (i32.add (local.get $pt) (local.get $j))))
            (local.set $a3 (v128.load offset=48 (i32.add (local.get $pt) (local.get $j))))
            (if (i32.gt_u (local.get $step) (i32.const 0))
              (then
                (local.set $k (i32.const 0))
                (local.set $wk (i32.add (local.get $whh) (local.get $j)))
                (block $kDone
                  (loop $kLoop
                    (br_if $kDone (i32.ge_u (local.get $k) (local.get $hb)))
                    (local.set $hk (v128.load32_splat (i32.add (local.get $hp) (local.get $k))))
                    (local.set $a0 (f32x4.add (local.get $a0)
                      (f32x4.mul (v128.load (local.get $wk)) (local.get $hk))))
                    (local.set $a1 (f32x4.add (local.get $a1)
                      (f32x4.mul (v128.load offset=16 (local.get $wk)) (local.get $hk))))
                    (local.set $a2 (f32x4.add (local.get $a2)
                      (f32x4.mul (v128.load offset=32 (local.get $wk)) (local.get $hk))))
                    (local.set $a3 (f32x4.add (local.get $a3)
                      (f32x4.mul (v128.load offset=48 (local.get $wk)) (local.get $hk))))
                    (local.set $wk (i32.add (local.get $wk) (local.get $gb)))
                    (local.set $k (i32.add (local.get $k) (i32.const 4)))
                    (br $kLoop)))))
            (v128.store (i32.add (local.get $gates) (local.get $j)) (local.get $a0))
            (v128.store offset=16 (i32.add (local.get $gates) (local.get $j)) (local.get $a1))
            (v128.store offset=32 (i32.add (local.get $gates) (local.get $j)) (local.get $a2))
            (v128.store offset=48 (i32.add (local.get $gates) (local.get $j)) (local.get $a3))
            (local.set $j (i32.add (local.get $j) (i32.const 64)))
            (br $block)))
        ;; The gates in place: i, f, o through the sigmoid, g through tanh x = 2 sigmoid(2x) - 1.
        (local.set $j (i32.const 0))
        (block $squashed
          (loop $squash
            (br_if $squashed (i32.ge_u (local.get $j) (local.get $gb)))
            (local.set $two
              (i32.and
                (i32.ge_u (local.get $j) (i32.shl (local.get $hb) (i32.const 1)))
                (i32.lt_u (local.get $j) (i32.mul (local.get $hb) (i32.const 3)))))
            (local.set $scale (f32x4.splat (select (f32.const 2) (f32.const 1) (local.get $two))))
            (local.set $x (f32x4.mul (v128.load (i32.add (local.get $gates) (local.get $j))) (local.get $scale)))
            (v128.store (i32.add (local.get $gates) (local.get $j))
              (f32x4.sub
                (f32x4.mul (local.get $scale) (call $sigmoid (local.get $x)))
                (f32x4.splat (select (f32.const 1) (f32.const 0) (local.get $two)))))
            (local.set $j (i32.add (local.get $j) (i32.const 16)))
            (br $squash)))
        ;; c = f c + i g; h = o tanh(c)
        (local.set $ht
          (i32.add (local.get $hidden)
            (i32.add (i32.mul (local.get $t) (i32.shl (local.get $hb) (i32.const 1)))
              (i32.mul (local.get $dir) (local.get $hb)))))
        (local.set $j (i32.const 0))
        (block $cellsDone
          (loop $cells
            (br_if $cellsDone (i32.ge_u (local.get $j) (local.get $hb)))
            (local.set $wk (i32.add (local.get $gates) (local.get $j)))
            (local.set $c
              (f32x4.add
                (f32x4.mul
                  (v128.load (i32.add (local.get $wk) (local.get $hb)))
                  (v128.load (i32.add (local.get $cell) (local.get $j))))
                (f32x4.mul
                  (v128.load (local.get $wk))
                  (v128.load (i32.add (local.get $wk) (i32.shl (local.get $hb) (i32.const 1)))))))
            (v128.store (i32.add (local.get $cell) (local.get $j)) (local.get $c))
            (v128.store (i32.add (local.get $ht) (local.get $j))
              (f32x4.mul
                (v128.load (i32.add (local.get $wk) (i32.mul (local.get $hb) (i32.const 3))))
                (f32x4.sub
                  (f32x4.mul (v128.const f32x4 2 2 2 2)
                    (call $sigmoid (f32x4.add (local.get $c) (local.get $c))))
                  (v128.const f32x4 1 1 1 1))))
            (local.set $j (i32.add (local.get $j) (i32.const 16)))
            (br $cells)))
        (local.set $step (i32.add (local.get $step) (i32.const 1)))
        (br $steps))))

  ;; Viterbi over the CRF's transitions in float64, two tags at a time. v (T' doubles, T' = T rounded up to
  ;; even) holds the scores of token 0; for each later token t, for each tag j, the best previous tag i
  ;; (the first of equal ones) by v[i] + trans[i][j] goes to back (n rows of T' doubles, row t), and
  ;; v'[j] = that score + em[t][j] (em: float32 rows of E floats). Returns where the last v is (next or v).
  (func (export "viterbi")
    (param $em i32) (param $E i32) (param $trans i32) (param $back i32) (param $v i32) (param $next i32)
    (param $n i32) (param $T i32) (param $Tp i32)
    (result i32)
    (local $t i32) (local $i i32) (local $j i32) (local $row i32) (local $swap i32)
    (local $best v128) (local $arg v128) (local $s v128) (local $mask v128)
    (local.set $t (i32.const 1))
    (block $tokensDone
      (loop $tokens
        (br_if $tokensDone (i32.ge_u (local.get $t) (local.get $n)))
        (local.set $j (i32.const 0))
        (block $tagsDone
          (loop $tags
            (br_if $tagsDone (i32.ge_u (local.get $j) (local.get $Tp)))
            (local.set $best (v128.const f64x2 -inf -inf))
            (local.set $arg (v128.const f64x2 0 0))
            (local.set $i (i32.const 0))
            (block $fromDone
              (loop $from
                (br_if $fromDone (i32.ge_u (local.get $i) (local.get $T)))
                (local.set $s
                  (f64x2.add
                    (v128.load64_splat (i32.add (local.get $v) (i32.shl (local.get $i) (i32.const 3))))
                    (v128.load
                      (i32.add (local.get $trans)
                        (i32.shl (i32.add (i32.mul (local.get $i) (local.get $Tp)) (local.get $j)) (i32.const 3))))))
                (local.set $mask (f64x2.gt (local.get $s) (local.get $best)))
                (local.set $best (v128.bitselect (local.get $s) (local.get $best) (local.get $mask)))
                (local.set $arg
                  (v128.bitselect (f64x2.splat (f64.convert_i32_u (local.get $i))) (local.get $arg) (local.get $mask)))
                (local.set $i (i32.add (local.get $i) (i32.const 1)))
                (br $from)))
            (v128.store
              (i32.add (local.get $back)
                (i32.shl (i32.add (i32.mul (local.get $t) (local.get $Tp)) (local.get $j)) (i32.const 3)))
              (local.get $arg))
            (v128.store
              (i32.add (local.get $next) (i32.shl (local.get $j) (i32.const 3)))
              (f64x2.add (local.get $best)
                (f64x2.promote_low_f32x4
                  (v128.load64_zero
                    (i32.add (local.get $em)
                      (i32.shl (i32.add (i32.mul (local.get $t) (local.get $E)) (local.get $j)) (i32.const 2)))))))
            (local.set $j (i32.add (local.get $j) (i32.const 2)))
            (br $tags)))
        (local.set $swap (local.get $v))
        (local.set $v (local.get $next))
        (local.set $next (local.get $swap))
        (local.set $t (i32.add (local.get $t) (i32.const 1)))
        (br $tokens)))
    (local.get $v))
)
