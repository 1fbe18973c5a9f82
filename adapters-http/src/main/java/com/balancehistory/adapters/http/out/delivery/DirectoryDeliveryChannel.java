package com.balancehistory.adapters.http.out.delivery;

import com.balancehistory.application.model.report.DeliveryPayload;
import com.balancehistory.application.model.report.DeliveryTarget;
import com.balancehistory.application.port.out.report.DeliveryChannel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;

/**
 * Writes the payload's files into a directory. Each file is written to a temporary name and moved into place, so a
 * reader of the directory never sees half a report.
 */
public final class DirectoryDeliveryChannel implements DeliveryChannel {

    @Override
    public boolean handles(DeliveryTarget target) {
        return target instanceof DeliveryTarget.Directory;
    }

    @Override
    public Result send(DeliveryPayload payload, DeliveryTarget target) {
        Path directory = Path.of(((DeliveryTarget.Directory) target).path());
        try {
            Files.createDirectories(directory);
            for (Map.Entry<String, String> file : payload.files().entrySet()) {
                Path destination = directory.resolve(file.getKey()).normalize();
                if (!destination.getParent().equals(directory.normalize())) {
                    return Result.failed(Optional.empty(), "file name escapes the directory: " + file.getKey());
                }
                Path temporary = directory.resolve("." + file.getKey() + ".tmp");
                Files.writeString(temporary, file.getValue(), StandardCharsets.UTF_8);
                Files.move(temporary, destination, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
            return Result.ok(Optional.empty());
        } catch (IOException | RuntimeException e) {
            return Result.failed(Optional.empty(), e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }
}
