package org.masthead.comments.spam;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.masthead.db.Change;
import org.masthead.db.ChangeListener;
import org.masthead.db.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The comment spam classifier: logistic regression over words, word pairs and links, blended
 * with naive Bayes over words, letter n-grams and links, which learns from every comment a
 * moderator labels. The counts and the learned comments live in the database, shared by every
 * instance; each instance keeps them in memory too, with an immutable table of weights that
 * classification reads without locks. Learning writes one transaction per batch, then refits
 * the regression and rebuilds that table; a change-log entry from another learner makes it reload.
 */
public final class SpamClassifier implements ChangeListener {
    /** High on purpose: a legitimate comment held as spam costs a reader more than a missed spam costs a moderator. */
    public static final double DEFAULT_THRESHOLD = 0.93;
    private static final Logger LOG = LoggerFactory.getLogger(SpamClassifier.class);
    /** The site's lessons the calibration reads besides the starter: enough for its two numbers, few enough to refit on each batch. */
    static final int CALIBRATED_LESSONS = 2_000;
    private static final ThreadLocal<CommentScorer> SCORERS = ThreadLocal.withInitial(CommentScorer::new);

    private final SpamStore store;
    private final double threshold;
    private final List<LabeledComment> starter;
    private final Tally starterTally;
    private Tally tally;
    private Examples examples;
    private long version;
    /** The site's most recent lessons, for calibration, oldest first; and how many it has learned in all. */
    private final ArrayDeque<LabeledComment> recent = new ArrayDeque<>();
    private long lessons;
    private volatile Thread learner;
    private volatile Model model;
    /** Raised at every new model; a background calibration replaces only the model it started from. */
    private long modelVersion;
    /** Null: each batch is calibrated before learning returns. Else the thread that calibrates after it. */
    private ThreadPoolExecutor calibrator;
    private final AtomicBoolean calibrationQueued = new AtomicBoolean();

    /** What classification reads, replaced whole after each batch: the weights and their calibration. */
    private record Model(Weights weights, Calibration calibration) {
    }

    private SpamClassifier(SpamStore store, double threshold, List<LabeledComment> starter) {
        if (!(threshold > 0 && threshold < 1)) {
            throw new IllegalArgumentException("the spam threshold must be between 0 and 1, got " + threshold);
        }
        this.store = store;
        this.threshold = threshold;
        this.starter = List.copyOf(starter);
        this.starterTally = count(this.starter);
    }

    /**
     * Loads the model from the database, with the default threshold. To hear what other
     * instances learn, register it as a change listener ({@code db.addListener}).
     */
    public static SpamClassifier open(Database db) {
        return open(db, DEFAULT_THRESHOLD);
    }

    /**
     * Loads the model with nothing learned before the site's own lessons; a comment is spam
     * when its spam probability is at least {@code threshold}.
     */
    public static SpamClassifier open(Database db, double threshold) {
        return open(db, threshold, List.of());
    }

    /**
     * Loads the model on top of {@code starter}, comments learned in memory before the site's
     * own (a site serves with {@link Starter#comments()}, so it is protected from its first day).
     */
    public static SpamClassifier open(Database db, double threshold, List<LabeledComment> starter) {
        SpamClassifier classifier = new SpamClassifier(new SpamStore(db), threshold, starter);
        classifier.reload();
        return classifier;
    }

    /**
     * Calibrates after each learned batch on a background thread instead of before learning
     * returns: the new weights judge at once, with the previous calibration until the new one
     * (about 0.4 s of fitting at the starter's size) replaces it. For a serving site, so a
     * moderator's click does not wait for it.
     */
    public SpamClassifier calibratingInBackground() {
        synchronized (this) {
            if (calibrator == null) {
                calibrator = new ThreadPoolExecutor(0, 1, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
                    Thread t = new Thread(r, "spam-calibration");
                    t.setDaemon(true);
                    return t;
                });
            }
        }
        return this;
    }

    /** Waits until every calibration asked for so far has run (for tests); at once when calibrating in the foreground. */
    public void awaitCalibration() {
        ThreadPoolExecutor background;
        synchronized (this) {
            background = calibrator;
        }
        if (background == null) {
            return;
        }
        try {
            background.submit(() -> { }).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    /** The spam probability of a comment and the features that weighed most. Thread-safe; never learns. */
    public Verdict classify(String comment) {
        Model m = model;
        return SCORERS.get().score(m.weights(), m.calibration(), comment, threshold);
    }

    /**
     * What a threshold is expected to do, as the held-out comments of the last calibration say:
     * the starter and the site's most recent lessons, each quarter judged by a model learned from
     * the other three. These are comments like the ones learned; a source never seen fares worse.
     */
    public ExpectedRates expected(double threshold) {
        return model.calibration().rates(threshold);
    }

    public double threshold() {
        return threshold;
    }

    /** How many comments the site has taught the model, all instances together as of its last load. */
    public long comments() {
        return model.weights().comments() - starter.size();
    }

    /** How many comments the model knows: the starter comments and the site's lessons. */
    public long known() {
        return model.weights().comments();
    }

    /** How many comments the model started from before the site's own lessons. */
    public int starterComments() {
        return starter.size();
    }

    /** Learns one labelled comment: one transaction. */
    public void learn(String comment, boolean spam) {
        learnAll(List.of(new LabeledComment(comment, spam)));
    }

    /** Learns a batch of labelled comments in one transaction; all or, on failure, none. */
    public synchronized void learnAll(List<LabeledComment> comments) {
        if (comments.isEmpty()) {
            return;
        }
        Tally batch = count(comments);
        long committed;
        learner = Thread.currentThread();
        try {
            committed = store.add(batch, comments);
        } finally {
            learner = null;
        }
        if (committed == version + 1) {
            tally.addAll(batch);
            examples.addAll(comments);
            version = committed;
            remember(comments);
            Weights weights = Weights.of(tally, examples, Regression.fit(examples));
            if (calibrator == null) {
                replace(new Model(weights, calibrate()));
            } else {
                replace(new Model(weights, model.calibration()));
                calibrateSoon();
            }
        } else {
            reload(); // another instance learned in between: its counts are in the database, not here
        }
    }

    /** Reads the model again when the database holds a newer version than this instance. */
    public synchronized void refresh() {
        if (store.version() != version) {
            reload();
        }
    }

    /**
     * Another learner's batch: reload on a thread of its own, so that the learner's commit is
     * not held up and two classifiers learning at once cannot wait on each other's locks.
     * This instance's own batches are counted already.
     */
    @Override
    public void changed(Change change) {
        if (SpamStore.ENTITY.equals(change.entity()) && learner != Thread.currentThread()) {
            Thread.startVirtualThread(() -> {
                try {
                    refresh();
                } catch (RuntimeException e) {
                    LOG.warn("could not reload the spam model after another instance learned", e);
                }
            });
        }
    }

    private synchronized void reload() {
        SpamStore.Snapshot snapshot = store.load();
        tally = new Tally();
        tally.addAll(starterTally);
        tally.addAll(snapshot.tally());
        examples = new Examples();
        examples.addAll(starter);
        examples.addAll(snapshot.examples());
        version = snapshot.version();
        recent.clear();
        lessons = 0;
        remember(snapshot.examples());
        Examples fitted = examples;
        // A site that has learned nothing yet fits the starter alone: the same every time, so once per process.
        Regression regression = snapshot.examples().isEmpty()
                ? STARTER_FITS.computeIfAbsent(starter, s -> Regression.fit(fitted))
                : Regression.fit(examples);
        Calibration calibration = snapshot.examples().isEmpty()
                ? STARTER_CALIBRATIONS.computeIfAbsent(starter, s -> calibrate())
                : calibrate();
        replace(new Model(Weights.of(tally, examples, regression), calibration));
    }

    private synchronized void replace(Model next) {
        model = next;
        modelVersion++;
    }

    /** Queues one calibration of the lessons as they will be when it runs; one waits at most. */
    private void calibrateSoon() {
        if (!calibrationQueued.compareAndSet(false, true)) {
            return;
        }
        calibrator.execute(() -> {
            calibrationQueued.set(false);
            List<LabeledComment> comments;
            int[] folds;
            long startedFrom;
            synchronized (this) {
                comments = calibrationComments();
                folds = calibrationFolds();
                startedFrom = modelVersion;
            }
            try {
                Calibration calibration = Calibration.crossFit(comments, folds);
                synchronized (this) {
                    if (modelVersion == startedFrom) { // else a newer batch or a reload: its own calibration follows
                        replace(new Model(model.weights(), calibration));
                    }
                }
            } catch (RuntimeException e) {
                LOG.warn("could not calibrate the spam model; the previous calibration stays", e);
            }
        });
    }

    private void remember(List<LabeledComment> learned) {
        for (LabeledComment comment : learned) {
            recent.addLast(comment);
            if (recent.size() > CALIBRATED_LESSONS) {
                recent.removeFirst();
            }
        }
        lessons += learned.size();
    }

    /**
     * Cross-fits the calibration on the starter and the site's {@value #CALIBRATED_LESSONS} most
     * recent lessons. Each goes round the folds by its place in what the model learned, so every
     * instance that learned the same comments calibrates alike, and each fold model learns three
     * quarters of every source. (Folds by source, each judged as a source never seen, were tried:
     * their models learn a third less, judge more timidly, and the calibration fitted to them made
     * the full model's probabilities on an unseen source worse, BENCHMARKS.md.)
     */
    private Calibration calibrate() {
        return Calibration.crossFit(calibrationComments(), calibrationFolds());
    }

    private List<LabeledComment> calibrationComments() {
        List<LabeledComment> comments = new ArrayList<>(starter.size() + recent.size());
        comments.addAll(starter);
        comments.addAll(recent);
        return comments;
    }

    private int[] calibrationFolds() {
        int[] folds = new int[starter.size() + recent.size()];
        for (int i = 0; i < starter.size(); i++) {
            folds[i] = i % Calibration.FOLDS;
        }
        long first = lessons - recent.size();
        for (int i = 0; i < recent.size(); i++) {
            folds[starter.size() + i] = (int) ((first + i) % Calibration.FOLDS);
        }
        return folds;
    }

    /** The regression fitted to each starter list alone (by identity: the shipped one is a single list). */
    private static final Map<List<LabeledComment>, Regression> STARTER_FITS =
            java.util.Collections.synchronizedMap(new java.util.IdentityHashMap<>());
    /** The calibration of each starter list alone, likewise. */
    private static final Map<List<LabeledComment>, Calibration> STARTER_CALIBRATIONS =
            java.util.Collections.synchronizedMap(new java.util.IdentityHashMap<>());

    /**
     * Each feature counts once per comment, however often it occurs there (binary naive Bayes);
     * word pairs are left to the regression, as naive Bayes would count them twice over with their words.
     */
    static Tally count(List<LabeledComment> comments) {
        Tally batch = new Tally();
        FeatureExtractor extractor = new FeatureExtractor();
        Set<String> seen = new HashSet<>();
        for (LabeledComment comment : comments) {
            extractor.extract(comment.text());
            seen.clear();
            for (int i = 0; i < extractor.count(); i++) {
                if (extractor.kind(i) == FeatureExtractor.PAIR) {
                    continue;
                }
                String name = extractor.name(i);
                if (seen.add(name)) {
                    batch.feature(name, comment.spam() ? 1 : 0, comment.spam() ? 0 : 1);
                }
            }
            batch.comment(comment.spam());
        }
        return batch;
    }
}
