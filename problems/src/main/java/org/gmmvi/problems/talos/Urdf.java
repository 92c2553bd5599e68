package org.gmmvi.problems.talos;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The parts of a URDF robot description that serial forward kinematics needs, read at run time with
 * the JDK's XML parser: joints (type, parent and child link, origin {@code xyz}/{@code rpy}, axis,
 * limits) and link inertials (mass and inertial origin).
 *
 * <p>The TALOS description is licensed CC BY-NC-ND; nothing of it is stored in the project, it is read
 * from the data directory at run time.
 */
final class Urdf {

  /**
   * One URDF joint.
   *
   * @param type   {@code revolute}, {@code continuous}, {@code fixed}, … as written
   * @param xyz    origin translation (3), zero if absent
   * @param rpy    origin roll, pitch, yaw (3), zero if absent
   * @param axis   joint axis (3) as written, {@code (1,0,0)} if absent (URDF default)
   * @param lower  lower limit, {@code NaN} if there is no {@code <limit>}
   * @param upper  upper limit, {@code NaN} if there is no {@code <limit>}
   */
  record Joint(String name, String type, String parent, String child, double[] xyz, double[] rpy,
      double[] axis, double lower, double upper) {}

  /**
   * One link's inertial data.
   *
   * @param hasInertialOrigin whether an {@code <inertial>} block with an {@code <origin>} exists
   * @param mass              URDF mass ({@code NaN} if no inertial/mass)
   * @param com               inertial origin xyz (3), zero if absent
   */
  record Link(String name, boolean hasInertialOrigin, double mass, double[] com) {}

  private final Map<String, Joint> jointsByChild;
  private final Map<String, Link> links;

  private Urdf(Map<String, Joint> jointsByChild, Map<String, Link> links) {
    this.jointsByChild = jointsByChild;
    this.links = links;
  }

  /**
   * Parses {@code file}.
   *
   * @throws IllegalArgumentException if the file is missing or is not a well-formed URDF with named
   *     joints and links (the message names the file and the problem)
   */
  static Urdf read(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("URDF file not found: " + file.toAbsolutePath());
    }
    Document doc;
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      f.setXIncludeAware(false);
      f.setExpandEntityReferences(false);
      DocumentBuilder b = f.newDocumentBuilder();
      doc = b.parse(file.toFile());
    } catch (ParserConfigurationException | SAXException | IOException e) {
      throw new IllegalArgumentException("cannot parse URDF " + file + ": " + e.getMessage(), e);
    }
    Element robot = doc.getDocumentElement();
    if (!"robot".equals(robot.getTagName())) {
      throw new IllegalArgumentException(
          file + ": root element is <" + robot.getTagName() + ">, expected <robot>");
    }
    Map<String, Link> links = new HashMap<>();
    for (Element e : children(robot, "link")) {
      Link link = parseLink(file, e);
      links.put(link.name(), link);
    }
    Map<String, Joint> byChild = new HashMap<>();
    for (Element e : children(robot, "joint")) {
      Joint j = parseJoint(file, e);
      if (byChild.put(j.child(), j) != null) {
        throw new IllegalArgumentException(file + ": link '" + j.child() + "' has two parent joints");
      }
    }
    return new Urdf(byChild, links);
  }

  /**
   * The joints on the path from {@code root} to {@code tip}, root first.
   *
   * @throws IllegalArgumentException if {@code tip} is not a descendant of {@code root}
   */
  List<Joint> chain(String root, String tip) {
    List<Joint> reversed = new ArrayList<>();
    String link = tip;
    while (!link.equals(root)) {
      Joint j = jointsByChild.get(link);
      if (j == null) {
        throw new IllegalArgumentException(
            "link '" + tip + "' is not below '" + root + "' in the URDF (stopped at '" + link + "')");
      }
      reversed.add(j);
      link = j.parent();
    }
    List<Joint> chain = new ArrayList<>(reversed.size());
    for (int i = reversed.size() - 1; i >= 0; i--) {
      chain.add(reversed.get(i));
    }
    return chain;
  }

  /** The link named {@code name}. */
  Link link(String name) {
    Link l = links.get(name);
    if (l == null) {
      throw new IllegalArgumentException("no link '" + name + "' in the URDF");
    }
    return l;
  }

  private static Link parseLink(Path file, Element e) {
    String name = requireAttr(file, e, "name");
    Element inertial = firstChild(e, "inertial");
    if (inertial == null) {
      return new Link(name, false, Double.NaN, new double[3]);
    }
    Element mass = firstChild(inertial, "mass");
    double m = mass == null ? Double.NaN : number(file, mass, "value");
    Element origin = firstChild(inertial, "origin");
    if (origin == null) {
      return new Link(name, false, m, new double[3]);
    }
    return new Link(name, true, m, vector(file, origin, "xyz", 0.0));
  }

  private static Joint parseJoint(Path file, Element e) {
    String name = requireAttr(file, e, "name");
    String type = requireAttr(file, e, "type");
    Element parent = firstChild(e, "parent");
    Element child = firstChild(e, "child");
    if (parent == null || child == null) {
      throw new IllegalArgumentException(file + ": joint '" + name + "' lacks <parent> or <child>");
    }
    Element origin = firstChild(e, "origin");
    double[] xyz = origin == null ? new double[3] : vector(file, origin, "xyz", 0.0);
    double[] rpy = origin == null ? new double[3] : vector(file, origin, "rpy", 0.0);
    Element axisEl = firstChild(e, "axis");
    double[] axis = axisEl == null ? new double[] {1, 0, 0} : vector(file, axisEl, "xyz", 0.0);
    Element limit = firstChild(e, "limit");
    double lower = Double.NaN;
    double upper = Double.NaN;
    if (limit != null) {
      lower = limit.hasAttribute("lower") ? number(file, limit, "lower") : 0.0;
      upper = limit.hasAttribute("upper") ? number(file, limit, "upper") : 0.0;
    }
    return new Joint(name, type, requireAttr(file, parent, "link"), requireAttr(file, child, "link"),
        xyz, rpy, axis, lower, upper);
  }

  private static List<Element> children(Element parent, String tag) {
    List<Element> out = new ArrayList<>();
    NodeList nodes = parent.getChildNodes();
    for (int i = 0; i < nodes.getLength(); i++) {
      Node n = nodes.item(i);
      if (n instanceof Element el && el.getTagName().equals(tag)) {
        out.add(el);
      }
    }
    return out;
  }

  private static Element firstChild(Element parent, String tag) {
    List<Element> c = children(parent, tag);
    return c.isEmpty() ? null : c.get(0);
  }

  private static String requireAttr(Path file, Element e, String attr) {
    if (!e.hasAttribute(attr)) {
      throw new IllegalArgumentException(
          file + ": <" + e.getTagName() + "> without attribute '" + attr + "'");
    }
    return e.getAttribute(attr);
  }

  private static double number(Path file, Element e, String attr) {
    String s = requireAttr(file, e, attr).trim();
    try {
      return Double.parseDouble(s);
    } catch (NumberFormatException ex) {
      throw new IllegalArgumentException(
          file + ": <" + e.getTagName() + " " + attr + "=\"" + s + "\"> is not a number", ex);
    }
  }

  /** Three whitespace-separated numbers of attribute {@code attr}; {@code fill} if absent. */
  private static double[] vector(Path file, Element e, String attr, double fill) {
    if (!e.hasAttribute(attr)) {
      return new double[] {fill, fill, fill};
    }
    String[] parts = e.getAttribute(attr).trim().split("\\s+");
    if (parts.length != 3) {
      throw new IllegalArgumentException(file + ": <" + e.getTagName() + " " + attr + "=\""
          + e.getAttribute(attr) + "\"> needs three numbers");
    }
    double[] v = new double[3];
    for (int i = 0; i < 3; i++) {
      try {
        v[i] = Double.parseDouble(parts[i]);
      } catch (NumberFormatException ex) {
        throw new IllegalArgumentException(file + ": <" + e.getTagName() + " " + attr + "=\""
            + e.getAttribute(attr) + "\"> is not three numbers", ex);
      }
    }
    return v;
  }
}
