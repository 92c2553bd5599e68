package org.gmmvi.cli.usertarget;

import java.io.File;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.gmmvi.cli.error.UsageException;
import org.gmmvi.core.target.Target;

/**
 * Loads a user-supplied {@link Target} ({@code --target-class}, {@code --classpath}): the class is
 * looked up in the jars and class folders of the class path (a {@link URLClassLoader} whose parent
 * is the runner's loader, so the class sees the runner's {@code Target} interface), and
 * instantiated through a public constructor taking {@code (long seed)} if there is one, else a
 * public no-argument constructor. Every failure is a {@link UsageException} naming the class.
 */
public final class UserTargetLoader {

  private UserTargetLoader() {}

  /**
   * Loads and instantiates {@code className}.
   *
   * @param classpath jars / class folders separated by {@link File#pathSeparator}; {@code null}
   *     or empty: the runner's own class path
   */
  public static Target load(String className, String classpath, long seed) {
    ClassLoader loader = loader(classpath);
    Class<?> cls;
    try {
      cls = Class.forName(className, false, loader);
    } catch (ClassNotFoundException | LinkageError e) {
      throw new UsageException("user target class '" + className + "' not found"
          + (classpath == null || classpath.isBlank() ? " on the runner's class path"
              : " on --classpath " + classpath)
          + (e instanceof LinkageError ? " (" + e + ")" : ""), e);
    }
    if (!Target.class.isAssignableFrom(cls)) {
      throw new UsageException("class '" + className + "' does not implement "
          + Target.class.getName());
    }
    if (Modifier.isAbstract(cls.getModifiers())) {
      throw new UsageException("class '" + className + "' is abstract; give a concrete Target class");
    }
    return instantiate(cls.asSubclass(Target.class), seed);
  }

  private static Target instantiate(Class<? extends Target> cls, long seed) {
    try {
      Constructor<? extends Target> withSeed = publicConstructor(cls, long.class);
      if (withSeed != null) {
        return withSeed.newInstance(seed);
      }
      Constructor<? extends Target> noArg = publicConstructor(cls);
      if (noArg != null) {
        return noArg.newInstance();
      }
    } catch (InvocationTargetException e) {
      Throwable c = e.getCause();
      throw new UsageException("constructing user target '" + cls.getName() + "' failed: " + c, c);
    } catch (ReflectiveOperationException e) {
      throw new UsageException("cannot construct user target '" + cls.getName() + "': " + e, e);
    }
    throw new UsageException("class '" + cls.getName() + "' needs a public constructor taking"
        + " (long seed) or a public no-argument constructor");
  }

  private static <T> Constructor<T> publicConstructor(Class<T> cls, Class<?>... params) {
    if (!Modifier.isPublic(cls.getModifiers())) {
      return null;
    }
    try {
      return cls.getConstructor(params);
    } catch (NoSuchMethodException e) {
      return null;
    }
  }

  private static ClassLoader loader(String classpath) {
    ClassLoader parent = UserTargetLoader.class.getClassLoader();
    if (classpath == null || classpath.isBlank()) {
      return parent;
    }
    List<URL> urls = new ArrayList<>();
    for (String entry : classpath.split(File.pathSeparator)) {
      if (entry.isBlank()) {
        continue;
      }
      Path p = Path.of(entry);
      if (!Files.exists(p)) {
        throw new UsageException("--classpath entry '" + entry + "' does not exist");
      }
      try {
        urls.add(p.toUri().toURL());
      } catch (MalformedURLException e) {
        throw new UsageException("--classpath entry '" + entry + "' is not a valid path", e);
      }
    }
    return new URLClassLoader("gmmvi-user-targets", urls.toArray(URL[]::new), parent);
  }
}
