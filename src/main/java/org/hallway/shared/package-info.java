/**
 * Ids, clock, paging, the error types every module throws and the entities of a text (twitter-text).
 * No business rules live here.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.hallway.shared;
