/**
 * The media ports: {@link dev.homeport.ports.media.CameraStream} (live frames as a demand-honouring
 * {@link java.util.concurrent.Flow.Publisher}) and {@link dev.homeport.ports.media.CameraTalk}
 * (sending sound to a camera's speaker), plus brand-neutral helpers for adapter authors and users:
 * {@link dev.homeport.ports.media.FrameFanout} (bounded, GOP-aware multi-subscriber delivery),
 * {@link dev.homeport.ports.media.H264Frames} (Annex-B parsing and key-frame assembly),
 * {@link dev.homeport.ports.media.G711} and {@code dev.homeport.support.TalkAudio} (sound
 * conversion), and {@link dev.homeport.ports.media.MediaRecorder} (raw {@code .h264} plus
 * {@code .wav} files).
 */
@HomeportStyle
package dev.homeport.ports.media;

import dev.homeport.domain.HomeportStyle;
