package org.masthead.comments.spam;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.DoubleBinaryOperator;

/**
 * Measures whether a semantic second stage would help the comment spam classifier on a
 * source it never learned: sentence embeddings (all-MiniLM-L6-v2, quantized, run by ONNX
 * Runtime through langchain4j) with small classifiers on top, alone and combined with the
 * classifier as the product builds it ({@link SourceRotation.Model}), over the same
 * leave-one-video-out rotations as bench/spam-sources.sh. Every setting is fixed before any
 * evaluated file is scored. Kept out of the product's build: run it with bench/spam-embeddings.sh.
 *
 * <p>Modes: embed (fill the embedding cache), eval (the variant × rotation table, a paired
 * bootstrap against the classifier alone, and a variant chosen on the learned files only),
 * cost (load time and time per comment), rss base|emb (resident memory without and with the model).
 */
public final class EmbeddingStage {
    /** Where the embeddings of every text are cached between runs. */
    static final Path DIR = Path.of(System.getProperty("embeddings.dir", "target/spam-embeddings"));
    static final Path CACHE = DIR.resolve("embeddings.bin");
    static final Path BBC = Path.of(System.getProperty("bbc", "../shared/data/news/bbc/bbc-news.csv"));
    static final List<String> FILES = List.of("Youtube01-Psy.csv", "Youtube02-KatyPerry.csv", "Youtube03-LMFAO.csv");
    static final double T = SpamClassifier.DEFAULT_THRESHOLD; // 0.93
    static final double HOLD = 0.75;
    static final int DIM = 384;
    // Fixed a priori, never tuned on an evaluated file.
    static final double[] LAMBDAS = {0.03, 0.1, 0.3, 1, 3, 10, 30};
    static final double STACK_LAMBDA = 0.01;
    static final int KNN_K = 5;
    static final int FOLDS = Calibration.FOLDS; // 4, dealt in turn as the product does

    public static void main(String[] args) throws Exception {
        switch (args.length == 0 ? "eval" : args[0]) {
            case "embed" -> embedAll();
            case "eval" -> eval();
            case "cost" -> cost();
            case "rss" -> rss(args.length > 1 && args[1].equals("emb"));
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    // ---------------------------------------------------------------- embedding model

    /** The quantized MiniLM with an ONNX session limited to {@code threads} intra-op threads, embedding in the caller's thread. */
    static final class LimitedModel extends AbstractInProcessEmbeddingModel {
        private final OnnxBertBiEncoder encoder;

        LimitedModel(int threads) throws Exception {
            super(Runnable::run);
            ClassLoader loader = AllMiniLmL6V2QuantizedEmbeddingModel.class.getClassLoader();
            byte[] onnx;
            try (InputStream in = loader.getResourceAsStream("all-minilm-l6-v2-q.onnx")) {
                onnx = in.readAllBytes();
            }
            OrtEnvironment env = OrtEnvironment.getEnvironment();
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            options.setIntraOpNumThreads(threads);
            options.setInterOpNumThreads(1);
            OrtSession session = env.createSession(onnx, options);
            try (InputStream tokenizer = loader.getResourceAsStream("all-minilm-l6-v2-q-tokenizer.json")) {
                encoder = new OnnxBertBiEncoder(env, session, tokenizer, PoolingMode.MEAN);
            }
        }

        @Override
        protected OnnxBertBiEncoder model() {
            return encoder;
        }

        @Override
        protected Integer knownDimension() {
            return DIM;
        }
    }

    static float[] embed(EmbeddingModel model, String text) {
        float[] v = model.embed(text.isBlank() ? "." : text).content().vector();
        double n = 0;
        for (float x : v) {
            n += x * x;
        }
        n = Math.sqrt(n);
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (float) (v[i] / n);
        }
        return out;
    }

    // ---------------------------------------------------------------- data

    record Data(Map<String, List<LabeledComment>> youtube, List<LabeledComment> readers, List<String> demo, List<String> bbc) {
        static Data load() throws IOException {
            Path dir = org.masthead.ThirdPartyData.starterComments();
            Map<String, List<LabeledComment>> youtube = new LinkedHashMap<>();
            for (String f : FILES) {
                youtube.put(f, SourceRotation.read(dir.resolve(f)));
            }
            List<LabeledComment> readers = new ArrayList<>();
            CommentFile.resource("/spam/reader-comments.csv").forEach(readers::add);
            return new Data(youtube, readers, SourceRotation.demoComments(), SourceRotation.newsText(BBC));
        }

        List<String> allTexts() {
            LinkedHashSet<String> texts = new LinkedHashSet<>();
            youtube.values().forEach(l -> l.forEach(c -> texts.add(c.text())));
            readers.forEach(c -> texts.add(c.text()));
            texts.addAll(demo);
            texts.addAll(bbc);
            return new ArrayList<>(texts);
        }
    }

    static Map<String, float[]> readCache() throws IOException {
        Map<String, float[]> cache = new HashMap<>();
        if (!Files.exists(CACHE)) {
            return cache;
        }
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(CACHE), 1 << 16))) {
            int n = in.readInt();
            for (int i = 0; i < n; i++) {
                byte[] b = new byte[in.readInt()];
                in.readFully(b);
                float[] v = new float[DIM];
                for (int j = 0; j < DIM; j++) {
                    v[j] = in.readFloat();
                }
                cache.put(new String(b, StandardCharsets.UTF_8), v);
            }
        }
        return cache;
    }

    static void writeCache(Map<String, float[]> cache) throws IOException {
        Files.createDirectories(DIR);
        Path tmp = DIR.resolve("embeddings.bin.tmp");
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16))) {
            out.writeInt(cache.size());
            for (Map.Entry<String, float[]> e : cache.entrySet()) {
                byte[] b = e.getKey().getBytes(StandardCharsets.UTF_8);
                out.writeInt(b.length);
                out.write(b);
                for (float x : e.getValue()) {
                    out.writeFloat(x);
                }
            }
        }
        Files.move(tmp, CACHE, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    static Map<String, float[]> embedAll() throws Exception {
        Data data = Data.load();
        Map<String, float[]> cache = readCache();
        List<String> todo = data.allTexts().stream().filter(t -> !cache.containsKey(t)).toList();
        System.out.printf(Locale.ROOT, "%d texts, %d cached, %d to embed%n", cache.size() + todo.size(), cache.size(), todo.size());
        if (todo.isEmpty()) {
            return cache;
        }
        EmbeddingModel model = new LimitedModel(1);
        long start = System.nanoTime();
        for (int i = 0; i < todo.size(); i++) {
            cache.put(todo.get(i), embed(model, todo.get(i)));
            if ((i + 1) % 2000 == 0) {
                writeCache(cache);
                System.out.printf(Locale.ROOT, "  %d embedded, %.1f s%n", i + 1, (System.nanoTime() - start) / 1e9);
            }
        }
        writeCache(cache);
        System.out.printf(Locale.ROOT, "done in %.1f s%n", (System.nanoTime() - start) / 1e9);
        return cache;
    }

    // ---------------------------------------------------------------- logistic regression

    /** L2 logistic regression by Newton's method; the last weight is the (unpenalized) bias. */
    static double[] fitLR(double[][] x, boolean[] y, double lambda) {
        int n = x.length, d = x[0].length, m = d + 1;
        double[] w = new double[m];
        for (int iter = 0; iter < 50; iter++) {
            double[] g = new double[m];
            double[][] h = new double[m][m];
            for (int i = 0; i < n; i++) {
                double z = w[d];
                for (int j = 0; j < d; j++) {
                    z += w[j] * x[i][j];
                }
                double p = sigmoid(z);
                double r = p - (y[i] ? 1 : 0);
                double s = Math.max(p * (1 - p), 1e-10);
                for (int j = 0; j < d; j++) {
                    g[j] += r * x[i][j];
                    double sx = s * x[i][j];
                    double[] hj = h[j];
                    for (int k = 0; k <= j; k++) {
                        hj[k] += sx * x[i][k];
                    }
                    h[d][j] += sx;
                }
                g[d] += r;
                h[d][d] += s;
            }
            for (int j = 0; j < d; j++) {
                g[j] += lambda * w[j];
                h[j][j] += lambda;
            }
            h[d][d] += 1e-8;
            for (int j = 0; j < m; j++) {
                for (int k = 0; k < j; k++) {
                    h[k][j] = h[j][k];
                }
            }
            double[] step = solve(h, g);
            double max = 0;
            for (int j = 0; j < m; j++) {
                w[j] -= step[j];
                max = Math.max(max, Math.abs(step[j]));
            }
            if (max < 1e-7) {
                break;
            }
        }
        return w;
    }

    /** Cholesky solve of the symmetric positive definite system a x = b. */
    static double[] solve(double[][] a, double[] b) {
        int n = b.length;
        double[][] l = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double s = a[i][j];
                for (int k = 0; k < j; k++) {
                    s -= l[i][k] * l[j][k];
                }
                l[i][j] = i == j ? Math.sqrt(Math.max(s, 1e-12)) : s / l[j][j];
            }
        }
        double[] z = new double[n];
        for (int i = 0; i < n; i++) {
            double s = b[i];
            for (int k = 0; k < i; k++) {
                s -= l[i][k] * z[k];
            }
            z[i] = s / l[i][i];
        }
        double[] x = new double[n];
        for (int i = n - 1; i >= 0; i--) {
            double s = z[i];
            for (int k = i + 1; k < n; k++) {
                s -= l[k][i] * x[k];
            }
            x[i] = s / l[i][i];
        }
        return x;
    }

    static double linear(double[] w, double[] x) {
        double z = w[x.length];
        for (int j = 0; j < x.length; j++) {
            z += w[j] * x[j];
        }
        return z;
    }

    static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    static double logit(double p) {
        double q = Math.min(Math.max(p, 1e-6), 1 - 1e-6);
        return Math.log(q / (1 - q));
    }

    static double[] vec(float[] f) {
        double[] d = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            d[i] = f[i];
        }
        return d;
    }

    /** Embedding LR with lambda chosen by 4-fold (dealt in turn) log loss and Platt calibration on the same held-out logits. */
    record EmbLR(double[] w, double lambda, Calibration platt) {
        static EmbLR learn(double[][] x, boolean[] y) {
            double bestLoss = Double.POSITIVE_INFINITY;
            double bestLambda = LAMBDAS[0];
            double[] bestOof = null;
            for (double lambda : LAMBDAS) {
                double[] oof = oofLogits(x, y, lambda, dealt(x.length));
                double loss = 0;
                for (int i = 0; i < oof.length; i++) {
                    double p = Math.min(Math.max(sigmoid(oof[i]), 1e-12), 1 - 1e-12);
                    loss -= y[i] ? Math.log(p) : Math.log(1 - p);
                }
                if (loss < bestLoss) {
                    bestLoss = loss;
                    bestLambda = lambda;
                    bestOof = oof;
                }
            }
            return new EmbLR(fitLR(x, y, bestLambda), bestLambda, Calibration.fit(bestOof, y));
        }

        double rawLogit(double[] x) {
            return linear(w, x);
        }

        double probability(double[] x) {
            return platt.probability(rawLogit(x));
        }
    }

    static int[] dealt(int n) {
        int[] folds = new int[n];
        for (int i = 0; i < n; i++) {
            folds[i] = i % FOLDS;
        }
        return folds;
    }

    static double[] oofLogits(double[][] x, boolean[] y, double lambda, int[] folds) {
        double[] out = new double[x.length];
        int k = Arrays.stream(folds).max().orElse(0) + 1;
        for (int f = 0; f < k; f++) {
            List<Integer> tr = new ArrayList<>();
            for (int i = 0; i < x.length; i++) {
                if (folds[i] != f) {
                    tr.add(i);
                }
            }
            double[][] xt = new double[tr.size()][];
            boolean[] yt = new boolean[tr.size()];
            for (int i = 0; i < tr.size(); i++) {
                xt[i] = x[tr.get(i)];
                yt[i] = y[tr.get(i)];
            }
            double[] w = fitLR(xt, yt, lambda);
            for (int i = 0; i < x.length; i++) {
                if (folds[i] == f) {
                    out[i] = linear(w, x[i]);
                }
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- k nearest neighbours

    /** A text's distinct letter 4-grams (lower case, spaces collapsed), hashed, at unit length. */
    record Sparse(int[] grams) {
        static Sparse of(String text) {
            String t = " " + text.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip() + " ";
            java.util.TreeSet<Integer> set = new java.util.TreeSet<>();
            for (int i = 0; i + 4 <= t.length(); i++) {
                set.add(t.substring(i, i + 4).hashCode());
            }
            return new Sparse(set.stream().mapToInt(Integer::intValue).toArray());
        }

        double cosine(Sparse other) {
            if (grams.length == 0 || other.grams.length == 0) {
                return 0;
            }
            int common = 0;
            for (int i = 0, j = 0; i < grams.length && j < other.grams.length; ) {
                if (grams[i] == other.grams[j]) {
                    common++;
                    i++;
                    j++;
                } else if (grams[i] < other.grams[j]) {
                    i++;
                } else {
                    j++;
                }
            }
            return common / Math.sqrt((double) grams.length * other.grams.length);
        }
    }

    /** As {@link #knnRaw}, over letter 4-grams. */
    static double sparseKnn(Sparse[] xs, boolean[] ys, Sparse q, int exclude) {
        return nearest(ys, exclude, i -> xs[i].cosine(q));
    }

    /** mean cosine to the k nearest learned spam minus that to the k nearest learned legitimate comments. */
    static double knnRaw(double[][] xs, boolean[] ys, double[] q, int exclude) {
        return nearest(ys, exclude, i -> {
            double c = 0;
            for (int j = 0; j < q.length; j++) {
                c += xs[i][j] * q[j];
            }
            return c;
        });
    }

    /** Mean of the {@link #KNN_K} highest {@code cosine(i)} among learned spam, minus the same among legitimate comments. */
    static double nearest(boolean[] ys, int exclude, java.util.function.IntToDoubleFunction cosine) {
        double[] sp = new double[KNN_K], hm = new double[KNN_K];
        Arrays.fill(sp, -2);
        Arrays.fill(hm, -2);
        for (int i = 0; i < ys.length; i++) {
            if (i == exclude) {
                continue;
            }
            double c = cosine.applyAsDouble(i);
            double[] top = ys[i] ? sp : hm;
            int min = 0;
            for (int j = 1; j < KNN_K; j++) {
                if (top[j] < top[min]) {
                    min = j;
                }
            }
            if (c > top[min]) {
                top[min] = c;
            }
        }
        return Arrays.stream(sp).average().orElse(0) - Arrays.stream(hm).average().orElse(0);
    }

    // ---------------------------------------------------------------- the experiment

    /** Everything learned for one rotation. */
    static final class Stage {
        SourceRotation.Model fast;
        EmbLR emb;
        double[][] xs;
        boolean[] ys;
        Calibration knnPlatt;
        double[] stackK, stackS, stack3K, stack3S; // LR weights over logits
        Sparse[] sparse;
        Calibration sparsePlatt;
        double[] stackSparse; // over [fast logit, sparse kNN]
    }

    static Stage learn(List<LabeledComment> train, int[] sourceFolds, Map<String, float[]> cache) {
        Stage st = new Stage();
        int n = train.size();
        st.fast = SourceRotation.Model.learn(train);
        st.xs = new double[n][];
        st.ys = new boolean[n];
        for (int i = 0; i < n; i++) {
            st.xs[i] = vec(cache.get(train.get(i).text()));
            st.ys[i] = train.get(i).spam();
        }
        st.emb = EmbLR.learn(st.xs, st.ys);
        double[] knnOof = new double[n];
        for (int i = 0; i < n; i++) {
            knnOof[i] = knnRaw(st.xs, st.ys, st.xs[i], i);
        }
        st.knnPlatt = Calibration.fit(knnOof, st.ys);
        st.sparse = new Sparse[n];
        for (int i = 0; i < n; i++) {
            st.sparse[i] = Sparse.of(train.get(i).text());
        }
        double[] sparseOof = new double[n];
        for (int i = 0; i < n; i++) {
            sparseOof[i] = sparseKnn(st.sparse, st.ys, st.sparse[i], i);
        }
        st.sparsePlatt = Calibration.fit(sparseOof, st.ys);
        // out-of-fold features for stacking, two fold schemes
        for (int scheme = 0; scheme < 2; scheme++) {
            int[] folds = scheme == 0 ? dealt(n) : sourceFolds;
            double[] fastOof = new double[n];
            double[] embOof = oofLogits(st.xs, st.ys, st.emb.lambda(), folds);
            int k = Arrays.stream(folds).max().getAsInt() + 1;
            for (int f = 0; f < k; f++) {
                List<LabeledComment> learned = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    if (folds[i] != f) {
                        learned.add(train.get(i));
                    }
                }
                SourceRotation.Model m = SourceRotation.Model.learn(learned);
                for (int i = 0; i < n; i++) {
                    if (folds[i] == f) {
                        fastOof[i] = logit(m.score(train.get(i).text()));
                    }
                }
            }
            double[][] z = new double[n][];
            double[][] z3 = new double[n][];
            for (int i = 0; i < n; i++) {
                z[i] = new double[] {fastOof[i], embOof[i]};
                z3[i] = new double[] {fastOof[i], embOof[i], knnOof[i]};
            }
            if (scheme == 0) {
                double[][] zs = new double[n][];
                for (int i = 0; i < n; i++) {
                    zs[i] = new double[] {fastOof[i], sparseOof[i]};
                }
                st.stackSparse = fitLR(zs, st.ys, STACK_LAMBDA);
                st.stackK = fitLR(z, st.ys, STACK_LAMBDA);
                st.stack3K = fitLR(z3, st.ys, STACK_LAMBDA);
            } else {
                st.stackS = fitLR(z, st.ys, STACK_LAMBDA);
                st.stack3S = fitLR(z3, st.ys, STACK_LAMBDA);
            }
        }
        return st;
    }

    /** The per-text component scores. */
    record Parts(double fast, double embRaw, double emb, double knnRaw, double knn, double sparseRaw, double sparse) {}

    static Parts parts(Stage st, String text, Map<String, float[]> cache) {
        double[] x = vec(cache.get(text));
        double raw = st.emb.rawLogit(x);
        double knn = knnRaw(st.xs, st.ys, x, -1);
        double sparse = sparseKnn(st.sparse, st.ys, Sparse.of(text), -1);
        return new Parts(st.fast.score(text), raw, st.emb.platt().probability(raw), knn, st.knnPlatt.probability(knn),
                sparse, st.sparsePlatt.probability(sparse));
    }

    interface Variant {
        double score(Stage st, Parts p);
    }

    static Variant band(double lo, DoubleBinaryOperator combine, Variant second) {
        return (st, p) -> p.fast() >= lo && p.fast() < T ? combine.applyAsDouble(p.fast(), second.score(st, p)) : p.fast();
    }

    static final Variant FAST = (st, p) -> p.fast();
    static final Variant EMB = (st, p) -> p.emb();
    static final Variant STACK_K = (st, p) -> sigmoid(linear(st.stackK, new double[] {logit(p.fast()), p.embRaw()}));
    static final Variant STACK_S = (st, p) -> sigmoid(linear(st.stackS, new double[] {logit(p.fast()), p.embRaw()}));

    static Map<String, Variant> variants() {
        Map<String, Variant> v = new LinkedHashMap<>();
        DoubleBinaryOperator replace = (f, s) -> s;
        DoubleBinaryOperator average = (f, s) -> (f + s) / 2;
        v.put("a  fast (baseline)", FAST);
        v.put("b  emb-LR+Platt", EMB);
        v.put("c1 stack[fast,emb] 4-fold", STACK_K);
        v.put("c1 stack[fast,emb] by-source", STACK_S);
        v.put("c1 stack[fast,emb,knn] 4-fold", (st, p) -> sigmoid(linear(st.stack3K,
                new double[] {logit(p.fast()), p.embRaw(), p.knnRaw()})));
        v.put("c1 stack[fast,emb,knn] by-source*", (st, p) -> sigmoid(linear(st.stack3S,
                new double[] {logit(p.fast()), p.embRaw(), p.knnRaw()})));
        v.put("c2 band[.20,.93) replace emb", band(0.2, replace, EMB));
        v.put("c2 band[.20,.93) average emb", band(0.2, average, EMB));
        v.put("c2 band[.20,.93) stack 4-fold", band(0.2, replace, STACK_K));
        v.put("c2 band[.50,.93) replace emb", band(0.5, replace, EMB));
        v.put("c2 band[.50,.93) average emb", band(0.5, average, EMB));
        v.put("c2 band[.05,.93) average emb", band(0.05, average, EMB));
        v.put("c2 avg everywhere (f+e)/2", (st, p) -> (p.fast() + p.emb()) / 2);
        v.put("c3 kNN(k=5)+Platt", (st, p) -> p.knn());
        v.put("c3 band[.20,.93) average kNN", band(0.2, average, (st, p) -> p.knn()));
        v.put("d  letter 4-gram kNN+Platt*", (st, p) -> p.sparse());
        v.put("d  band[.20,.93) average 4-gram kNN*", band(0.2, average, (st, p) -> p.sparse()));
        v.put("d  stack[fast,4-gram kNN] 4-fold*", (st, p) -> sigmoid(linear(st.stackSparse,
                new double[] {logit(p.fast()), p.sparseRaw()})));
        return v;
    }

    /** Training list for judging {@code test}: reader comments then the other YouTube files; by-source folds alongside. */
    record Split(List<LabeledComment> train, int[] sourceFolds) {
        static Split of(Data data, List<String> learnFiles) {
            List<LabeledComment> train = new ArrayList<>(data.readers());
            List<Integer> folds = new ArrayList<>();
            for (int i = 0; i < data.readers().size(); i++) {
                folds.add(i % 2);
            }
            int source = 0;
            for (String f : learnFiles) {
                for (LabeledComment c : data.youtube().get(f)) {
                    train.add(c);
                    // with one learned source the "by-source" folds fall back to two folds dealt in turn
                    folds.add(learnFiles.size() == 1 ? train.size() % 2 : source);
                }
                source++;
            }
            return new Split(train, folds.stream().mapToInt(Integer::intValue).toArray());
        }
    }

    static double[][] split(List<LabeledComment> judged, List<Parts> parts, Variant v, Stage st) {
        List<Double> s = new ArrayList<>(), h = new ArrayList<>();
        for (int i = 0; i < judged.size(); i++) {
            (judged.get(i).spam() ? s : h).add(v.score(st, parts.get(i)));
        }
        return new double[][] {s.stream().mapToDouble(Double::doubleValue).toArray(), h.stream().mapToDouble(Double::doubleValue).toArray()};
    }

    /** Paired stratified bootstrap of best-recall(variant) - best-recall(baseline): 2.5, 50, 97.5 percentiles. */
    static double[] bootstrap(double[][] v, double[][] base, long seed) {
        java.util.Random r = new java.util.Random(seed);
        int reps = 2000;
        double[] d = new double[reps];
        int ns = v[0].length, nh = v[1].length;
        for (int b = 0; b < reps; b++) {
            double[] vs = new double[ns], bs = new double[ns], vh = new double[nh], bh = new double[nh];
            for (int i = 0; i < ns; i++) {
                int k = r.nextInt(ns);
                vs[i] = v[0][k];
                bs[i] = base[0][k];
            }
            for (int i = 0; i < nh; i++) {
                int k = r.nextInt(nh);
                vh[i] = v[1][k];
                bh[i] = base[1][k];
            }
            d[b] = SourceRotation.bestRecall(vs, vh, 0.01) - SourceRotation.bestRecall(bs, bh, 0.01);
        }
        Arrays.sort(d);
        return new double[] {d[(int) (reps * 0.025)], d[reps / 2], d[(int) (reps * 0.975)]};
    }

    static void eval() throws Exception {
        Data data = Data.load();
        Map<String, float[]> cache = embedAll();
        Map<String, Variant> variants = variants();
        boolean nested = !"false".equals(System.getProperty("nested"));
        StringBuilder table = new StringBuilder();
        table.append(String.format(Locale.ROOT, "%-34s %-10s %7s %7s %7s %7s %7s %8s %8s %6s%n", "variant", "judged",
                "best@1%", "rec.93", "fpr.93", "rec.75", "fpr.75", "BBC.93", "BBC.75", "demo"));
        Map<String, double[]> meanBest = new LinkedHashMap<>();
        StringBuilder boot = new StringBuilder();
        StringBuilder selection = new StringBuilder();
        for (String test : FILES) {
            List<String> learnFiles = FILES.stream().filter(f -> !f.equals(test)).toList();
            Split sp = Split.of(data, learnFiles);
            long t0 = System.nanoTime();
            Stage st = learn(sp.train(), sp.sourceFolds(), cache);
            System.out.printf(Locale.ROOT, "%s: learned in %.1f s; emb-LR lambda %.2f, Platt a=%.3f b=%.3f; kNN Platt a=%.3f b=%.3f;"
                            + " stack 4-fold w=%s; stack by-source w=%s; stack3 4-fold w=%s; stack3 by-source w=%s%n",
                    test, (System.nanoTime() - t0) / 1e9, st.emb.lambda(), st.emb.platt().slope(), st.emb.platt().intercept(),
                    st.knnPlatt.slope(), st.knnPlatt.intercept(), fmt(st.stackK), fmt(st.stackS), fmt(st.stack3K), fmt(st.stack3S));
            List<LabeledComment> judged = data.youtube().get(test);
            List<Parts> jp = judged.stream().map(c -> parts(st, c.text(), cache)).toList();
            List<Parts> bp = data.bbc().stream().map(t -> parts(st, t, cache)).toList();
            List<Parts> dp = data.demo().stream().map(t -> parts(st, t, cache)).toList();
            long band = jp.stream().filter(p -> p.fast() >= 0.2 && p.fast() < T).count();
            long bandB = bp.stream().filter(p -> p.fast() >= 0.2 && p.fast() < T).count();
            System.out.printf(Locale.ROOT, "  fast-model uncertain band [0.2,0.93): judged %d of %d (%.1f %%), BBC %d of %d (%.2f %%)%n",
                    band, jp.size(), 100.0 * band / jp.size(), bandB, bp.size(), 100.0 * bandB / bp.size());
            double[][] base = split(judged, jp, FAST, st);
            for (Map.Entry<String, Variant> e : variants.entrySet()) {
                Variant v = e.getValue();
                double[][] sh = split(judged, jp, v, st);
                double[] spam = sh[0], ham = sh[1];
                double[] bbc = bp.stream().mapToDouble(p -> v.score(st, p)).toArray();
                double[] demo = dp.stream().mapToDouble(p -> v.score(st, p)).toArray();
                double best = SourceRotation.bestRecall(spam, ham, 0.01);
                meanBest.computeIfAbsent(e.getKey(), k -> new double[FILES.size()])[FILES.indexOf(test)] = best;
                table.append(String.format(Locale.ROOT, "%-34s %-10s %7.3f %7.3f %7.3f %7.3f %7.3f %8.4f %8.4f %3d/%d%n", e.getKey(),
                        test.substring(10, test.length() - 4), best, SourceRotation.share(spam, T), SourceRotation.share(ham, T),
                        SourceRotation.share(spam, HOLD), SourceRotation.share(ham, HOLD),
                        SourceRotation.share(bbc, T), SourceRotation.share(bbc, HOLD), SourceRotation.count(demo, T), demo.length));
                if (v != FAST) {
                    double[] ci = bootstrap(sh, base, 7);
                    boot.append(String.format(Locale.ROOT, "  %-34s %-10s diff %+.3f  95%% [%+.3f, %+.3f]%n", e.getKey(),
                            test.substring(10, test.length() - 4), ci[1], ci[0], ci[2]));
                }
            }
            table.append('\n');
            if (nested) {
                // choose a variant on the training sources only: learn one + readers, judge the other, both ways
                Map<String, Double> inner = new LinkedHashMap<>();
                for (String innerTest : learnFiles) {
                    Split isp = Split.of(data, learnFiles.stream().filter(f -> !f.equals(innerTest)).toList());
                    Stage ist = learn(isp.train(), isp.sourceFolds(), cache);
                    List<LabeledComment> ij = data.youtube().get(innerTest);
                    List<Parts> ijp = ij.stream().map(c -> parts(ist, c.text(), cache)).toList();
                    for (Map.Entry<String, Variant> e : variants.entrySet()) {
                        if (e.getKey().contains("by-source")) {
                            continue; // needs two learned sources
                        }
                        double[][] sh = split(ij, ijp, e.getValue(), ist);
                        inner.merge(e.getKey(), SourceRotation.bestRecall(sh[0], sh[1], 0.01) / 2, Double::sum);
                    }
                }
                String chosen = inner.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
                selection.append(String.format(Locale.ROOT, "  judging %-10s inner mean best@1%%: %s%n    -> chosen on training sources: %s"
                                + " (outer best@1%% %.3f vs baseline %.3f)%n", test.substring(10, test.length() - 4),
                        inner.entrySet().stream().map(e -> String.format(Locale.ROOT, "%s=%.3f", e.getKey().substring(0, 2).strip()
                                + e.getKey().substring(2).strip().replace(' ', '_'), e.getValue())).toList(),
                        chosen, meanBest.get(chosen)[FILES.indexOf(test)], meanBest.get("a  fast (baseline)")[FILES.indexOf(test)]));
            }
        }
        System.out.println();
        System.out.print(table);
        System.out.println("best recall at fpr<=1% per rotation (Psy / KatyPerry / LMFAO) and mean:");
        meanBest.forEach((k, b) -> System.out.printf(Locale.ROOT, "  %-34s %.3f %.3f %.3f  mean %.3f%n", k, b[0], b[1], b[2],
                (b[0] + b[1] + b[2]) / 3));
        System.out.println("paired stratified bootstrap (2000) of best@1% minus the baseline's, on the judged file:");
        System.out.print(boot);
        if (nested) {
            System.out.println("nested selection (variant picked by inner source rotation on the two learned files):");
            System.out.print(selection);
        }
    }

    static String fmt(double[] w) {
        StringBuilder b = new StringBuilder("[");
        for (double x : w) {
            b.append(String.format(Locale.ROOT, "%s%.3f", b.length() > 1 ? " " : "", x));
        }
        return b.append(']').toString();
    }

    // ---------------------------------------------------------------- costs

    static void cost() throws Exception {
        Data data = Data.load();
        List<String> texts = new ArrayList<>();
        data.youtube().values().forEach(l -> l.forEach(c -> texts.add(c.text())));
        for (int threads : new int[] {1, 0}) {
            long t0 = System.nanoTime();
            EmbeddingModel model = threads == 1 ? new LimitedModel(1) : new AllMiniLmL6V2QuantizedEmbeddingModel();
            double load = (System.nanoTime() - t0) / 1e6;
            long t1 = System.nanoTime();
            embed(model, "warm up");
            double first = (System.nanoTime() - t1) / 1e6;
            for (int i = 0; i < 300; i++) {
                embed(model, texts.get(i));
            }
            double[] ms = new double[texts.size()];
            long all = System.nanoTime();
            for (int i = 0; i < texts.size(); i++) {
                long s = System.nanoTime();
                embed(model, texts.get(i));
                ms[i] = (System.nanoTime() - s) / 1e6;
            }
            double total = (System.nanoTime() - all) / 1e9;
            Arrays.sort(ms);
            System.out.printf(Locale.ROOT, "%s: model load %.0f ms, first embedding %.0f ms; %d YouTube comments: median %.2f ms,"
                            + " p90 %.2f, p99 %.2f, max %.1f ms, mean %.2f ms, %.0f comments/s%n",
                    threads == 1 ? "ORT 1 intra-op thread " : "default model (ORT default threads)", load, first, ms.length,
                    ms[ms.length / 2], ms[(int) (ms.length * 0.9)], ms[(int) (ms.length * 0.99)], ms[ms.length - 1],
                    total * 1000 / ms.length, ms.length / total);
        }
        // the fast model, for comparison
        SourceRotation.Model fast = SourceRotation.Model.learn(Starter.comments());
        for (int i = 0; i < 2000; i++) {
            fast.score(texts.get(i % texts.size()));
        }
        long s = System.nanoTime();
        for (String t : texts) {
            fast.score(t);
        }
        System.out.printf(Locale.ROOT, "fast model: mean %.3f ms per comment%n", (System.nanoTime() - s) / 1e6 / texts.size());
    }

    static void rss(boolean withModel) throws Exception {
        Data data = Data.load();
        List<String> texts = new ArrayList<>();
        data.youtube().values().forEach(l -> l.forEach(c -> texts.add(c.text())));
        SourceRotation.Model fast = SourceRotation.Model.learn(Starter.comments());
        for (int i = 0; i < 400; i++) {
            fast.score(texts.get(i));
        }
        long t0 = System.nanoTime();
        if (withModel) {
            EmbeddingModel model = new AllMiniLmL6V2QuantizedEmbeddingModel();
            System.out.printf(Locale.ROOT, "default model constructed (class init + session) in %.0f ms%n", (System.nanoTime() - t0) / 1e6);
            for (int i = 0; i < 400; i++) {
                embed(model, texts.get(i));
            }
        }
        System.gc();
        Thread.sleep(500);
        Runtime rt = Runtime.getRuntime();
        String status = Files.readString(Path.of("/proc/self/status"));
        for (String line : status.split("\n")) {
            if (line.startsWith("VmRSS") || line.startsWith("VmHWM")) {
                System.out.println((withModel ? "with model: " : "without:    ") + line.replaceAll("\\s+", " "));
            }
        }
        System.out.printf(Locale.ROOT, "heap used %.1f MB, committed %.1f MB%n", (rt.totalMemory() - rt.freeMemory()) / 1e6,
                rt.totalMemory() / 1e6);
    }
}
