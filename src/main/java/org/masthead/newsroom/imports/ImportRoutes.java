package org.masthead.newsroom.imports;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.UploadedFile;
import jakarta.servlet.MultipartConfigElement;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.UUID;
import org.masthead.accounts.AuditStore;
import org.masthead.accounts.Guard;
import org.masthead.accounts.Role;
import org.masthead.accounts.User;
import org.masthead.newsroom.Desk;
import org.masthead.web.HttpError;
import org.masthead.web.Templates;
import org.masthead.wordpress.BadExport;

/**
 * Admins import a WordPress export from the newsroom at /newsroom/import: upload the file,
 * follow the progress, read the report. The same import as the command line's, in one
 * transaction; images are listed as missing (their files can be brought with the command's
 * --media-dir). Guard.before stands in front (sign-in and CSRF).
 */
public final class ImportRoutes {
    static final String PATH = "/newsroom/import";
    /** Exports are large text files; bodies up to this size are written to disk as they arrive. */
    static final long MAX_BYTES = 512L * 1024 * 1024;

    private final ImportJobs jobs;
    private final Path folder;
    private final AuditStore audit;
    private final Templates templates;

    public ImportRoutes(ImportJobs jobs, Path folder, AuditStore audit, Templates templates) {
        this.jobs = jobs;
        this.folder = folder;
        this.audit = audit;
        this.templates = templates;
    }

    public record ImportPage(Desk desk, List<ImportJobs.Job> recent, int maxMegabytes) {
    }

    public record JobPage(Desk desk, ImportJobs.Job job) {
    }

    /** Runs before the guard reads the form: the upload's own body limit. */
    public void limits(RoutesConfig routes) {
        routes.before(PATH, ctx -> {
            if (ctx.method().name().equals("POST")) {
                if (ctx.req().getContentLengthLong() > MAX_BYTES) {
                    throw new HttpError(413, "This file is larger than " + MAX_BYTES / (1024 * 1024)
                            + " MB. Import it with ./masthead import wordpress on the server instead.");
                }
                ctx.attribute(Guard.LIMIT_MESSAGE, "This upload is too large.");
                ctx.req().setAttribute("org.eclipse.jetty.multipartConfig", new MultipartConfigElement(
                        System.getProperty("java.io.tmpdir"), MAX_BYTES, MAX_BYTES, 1024 * 1024));
            }
        });
    }

    public void register(RoutesConfig routes) {
        routes.get(PATH, this::form);
        routes.post(PATH, this::upload);
        routes.get(PATH + "/{id}", this::job);
    }

    private void form(Context ctx) {
        Guard.require(ctx, Role.ADMIN);
        show(ctx, Desk.of(ctx, "Import from WordPress", "import"), 200);
    }

    private void show(Context ctx, Desk desk, int status) {
        ctx.status(status);
        templates.render(ctx, "newsroom/imports/form.jte", new ImportPage(desk, jobs.recent(), (int) (MAX_BYTES / (1024 * 1024))));
    }

    private void upload(Context ctx) {
        User admin = Guard.require(ctx, Role.ADMIN);
        Desk desk = Desk.of(ctx, "Import from WordPress", "import");
        UploadedFile upload = ctx.uploadedFile("file");
        if (upload == null || upload.size() == 0) {
            show(ctx, desk.withErrors(List.of("Choose the export file (Tools → Export in WordPress) to import.")), 422);
            return;
        }
        boolean dryRun = ctx.formParam("dry_run") != null;
        Path file = save(upload);
        ImportJobs.Job job;
        try {
            job = jobs.start(file, upload.filename(), admin.name(), dryRun);
        } catch (BadExport e) {
            delete(file);
            show(ctx, desk.withErrors(List.of("Nothing was imported: " + e.getMessage())), 422);
            return;
        }
        audit.record(admin, dryRun ? "checked a WordPress export" : "imported a WordPress export", "import:" + job.id(),
                upload.filename() + " (" + job.total() + " items)");
        ctx.redirect(PATH + "/" + job.id(), HttpStatus.SEE_OTHER);
    }

    private void job(Context ctx) {
        Guard.require(ctx, Role.ADMIN);
        ImportJobs.Job job = jobs.find(ctx.pathParam("id"))
                .orElseThrow(() -> HttpError.notFound("There is no import with this address on this server."));
        templates.render(ctx, "newsroom/imports/job.jte", new JobPage(Desk.of(ctx, "Import of " + job.fileName(), "import"), job));
    }

    private Path save(UploadedFile upload) {
        try (InputStream in = upload.content()) {
            // Its own folder, so the file keeps the name the admin knows (messages name it).
            String name = upload.filename() == null ? "" : upload.filename().replaceAll(".*[/\\\\]", "")
                    .replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^[.-]+", "");
            Path dir = Files.createDirectories(folder.resolve(UUID.randomUUID().toString()));
            Path file = dir.resolve(name.isEmpty() ? "export.xml" : name);
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the uploaded export", e);
        }
    }

    static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
            Files.deleteIfExists(file.getParent());
        } catch (IOException ignored) {
            // a leftover upload holds nothing the site uses
        }
    }
}
