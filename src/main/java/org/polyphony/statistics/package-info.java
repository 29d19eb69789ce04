/**
 * Figures about people, made safe to show: the one small-cell rule every module applies to counts of
 * participants, attendees, group members or survey answers. A shared kernel that uses no other module.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Statistics",
        type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.polyphony.statistics;
