/**
 * Ids, clock, paging and the error types every module throws. No business rules live here.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.hallway.shared;
