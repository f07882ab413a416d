package org.splitinfer.core.hardware.internal;

import java.util.ArrayList;
import java.util.List;
import org.splitinfer.core.hardware.HardwareOverrideException;
import org.splitinfer.spi.HardwareSheet;
import org.splitinfer.spi.ProviderContext;

/**
 * What the host hands a provider: a sheet reader bound to the provider's own class loader, which applies the
 * user's what-if changes ({@link SheetEditor}) to every sheet it returns. It remembers the changes a sheet took and
 * a change it refused, so that a plugin that then fails is reported as refusing the user's change, not as broken.
 */
public final class HostProviderContext implements ProviderContext {
    private final YamlHardwareSheetReader reader;
    private final ClassLoader pluginLoader;
    private final SheetEditor editor;
    private final List<String> changes = new ArrayList<>();
    private HardwareOverrideException refusal;

    /**
     * @param reader       the host's sheet parser
     * @param pluginLoader the provider's class loader, where its resources live
     */
    public HostProviderContext(YamlHardwareSheetReader reader, ClassLoader pluginLoader) {
        this(reader, pluginLoader, SheetEditor.NONE);
    }

    /**
     * @param reader       the host's sheet parser
     * @param pluginLoader the provider's class loader, where its resources live
     * @param editor       the what-if changes to apply to each sheet
     */
    public HostProviderContext(YamlHardwareSheetReader reader, ClassLoader pluginLoader, SheetEditor editor) {
        this.reader = reader;
        this.pluginLoader = pluginLoader;
        this.editor = editor;
    }

    @Override
    public HardwareSheet sheet(String resourceName) {
        HardwareSheet sheet = reader.read(resourceName, pluginLoader);
        try {
            SheetEditor.Edited edited = editor.apply(sheet);
            synchronized (this) {
                changes.addAll(edited.changes());
            }
            return edited.sheet();
        } catch (HardwareOverrideException e) {
            synchronized (this) {
                refusal = e;
            }
            throw e;
        }
    }

    /** @return the user's changes the sheets read so far took, as the user gave them */
    public synchronized List<String> changes() {
        return List.copyOf(changes);
    }

    /** @return a change the user asked for that a sheet refused, or null */
    public synchronized HardwareOverrideException refusal() {
        return refusal;
    }
}
