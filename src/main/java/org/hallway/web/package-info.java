/**
 * The server-rendered web UI: jte templates, htmx for in-place updates, one stylesheet and one
 * script. An adapter only: every controller calls use cases of the feature modules and renders what
 * they return; nothing here decides who may see what. Consumes no events.
 */
package org.hallway.web;
