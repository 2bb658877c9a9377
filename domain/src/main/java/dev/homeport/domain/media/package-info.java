/**
 * Live media as values: {@link dev.homeport.domain.media.MediaFrame}s of video or audio with their
 * codec and the camera's timestamp, and the {@link dev.homeport.domain.media.StreamGap} notice a
 * frame carries when frames before it were missed. Every type here is immutable and thread-safe.
 */
@HomeportStyle
package dev.homeport.domain.media;

import dev.homeport.domain.HomeportStyle;
