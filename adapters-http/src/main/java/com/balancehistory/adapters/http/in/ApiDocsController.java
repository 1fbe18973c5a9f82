package com.balancehistory.adapters.http.in;

import io.micronaut.core.io.ResourceResolver;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.server.types.files.StreamedFile;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Hidden;
import java.net.URL;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The OpenAPI document and its browsable views (Swagger UI, RapiDoc), generated at compile time by micronaut-openapi
 * with their scripts and styles bundled into the jar, so they work without network. They hold no data and stay open:
 * a browser cannot send a bearer key to load a page, and the UI's "Authorize" button takes the key for the calls.
 */
@Controller
@Hidden
@ExecuteOn(TaskExecutors.BLOCKING)
public class ApiDocsController {

    private static final String SWAGGER = "classpath:META-INF/swagger/";
    private static final Pattern SAFE_PATH = Pattern.compile("[A-Za-z0-9._-]+(/[A-Za-z0-9._-]+)*");

    private final ResourceResolver resources;

    public ApiDocsController(ResourceResolver resources) {
        this.resources = resources;
    }

    @Get("/api-docs")
    public HttpResponse<?> index() {
        return HttpResponse.redirect(java.net.URI.create("/swagger-ui/index.html"));
    }

    @Get("/swagger/{file}")
    public HttpResponse<StreamedFile> spec(@PathVariable String file) {
        return serve(SWAGGER + file, file);
    }

    @Get("/swagger-ui/{+path}")
    public HttpResponse<StreamedFile> swaggerUi(Optional<String> path) {
        return view("swagger-ui", path);
    }

    @Get("/rapidoc/{+path}")
    public HttpResponse<StreamedFile> rapidoc(Optional<String> path) {
        return view("rapidoc", path);
    }

    private HttpResponse<StreamedFile> view(String name, Optional<String> path) {
        String file = path.filter(p -> !p.isBlank()).orElse("index.html");
        return serve(SWAGGER + "views/" + name + "/" + file, file);
    }

    private HttpResponse<StreamedFile> serve(String location, String file) {
        if (!SAFE_PATH.matcher(file).matches() || file.contains("..")) {
            return HttpResponse.notFound();
        }
        Optional<URL> url = resources.getResource(location);
        if (url.isEmpty()) {
            return HttpResponse.notFound();
        }
        return HttpResponse.ok(new StreamedFile(url.get())).contentType(mediaType(file));
    }

    private static MediaType mediaType(String file) {
        String name = file.toLowerCase(Locale.ROOT);
        if (name.endsWith(".yml") || name.endsWith(".yaml")) {
            return MediaType.of("application/yaml");
        }
        return MediaType.forFilename(name);
    }
}
