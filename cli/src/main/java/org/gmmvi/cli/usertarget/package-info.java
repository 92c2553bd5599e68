/**
 * Loading a user's Target class from --classpath jars or folders; every failure is a usage error
 * naming the class.
 */
package org.gmmvi.cli.usertarget;
