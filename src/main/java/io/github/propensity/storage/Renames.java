// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.storage;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** The one atomic rename every primitive uses, with the messages a user can act on. */
final class Renames {
    private Renames() {
    }

    /** Renames a file over its target, replacing it. */
    static void replace(Path source, Path target) throws IOException {
        try {
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw notAtomic(target, e);
        }
    }

    /** Renames a directory to a name that must not exist yet. */
    static void publish(Path source, Path target) throws IOException {
        if (Files.exists(target)) {
            throw new FileAlreadyExistsException(target.toString(), null, "already exists");
        }
        try {
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            throw notAtomic(target, e);
        } catch (DirectoryNotEmptyException e) {
            // Another writer published the same name between the check and the rename.
            throw new FileAlreadyExistsException(target.toString(), null, "appeared while publishing");
        }
    }

    private static IOException notAtomic(Path target, AtomicMoveNotSupportedException cause) {
        return new IOException("the file system under " + target.toAbsolutePath().getParent()
                + " cannot rename atomically, so " + target.getFileName()
                + " cannot be replaced safely there; write to a local disk instead", cause);
    }
}
