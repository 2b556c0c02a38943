/*
 * Streaming front for libpocketsphinx (the 0.8 / 5prealpha API that Debian ships), because
 * pocketsphinx_continuous only prints a hypothesis after its own silence detector ends an
 * utterance: no partials, and no way for the caller to end an utterance.
 *
 * Two decoders see the same audio: a JSGF grammar of the demo bot's phrases (accurate on
 * them) and the open language model (the fallback). The caller picks between them from the
 * acoustic scores printed with the final result.
 *
 * stdin: frames of  type (1 byte) | length (uint32 little-endian) | payload
 *   'A' payload is 16 kHz mono s16le PCM     'E' end of utterance
 *   'X' drop the utterance in progress       EOF quits
 * stdout, one line each, tab-separated:
 *   R                                        ready (models loaded)
 *   P <hyp>                                  partial (grammar decoder)
 *   F <ghyp> <gascr> <gframes> <lhyp> <lascr> <lframes>   final
 *   X                                        the utterance was dropped
 * Usage: ps-stream <hmm dir> <grammar dict> <jsgf> <lm dict> <lm>
 */
#ifdef __linux__
#define _GNU_SOURCE
#include <sched.h>
#endif
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>
#include <pocketsphinx.h>

#define PARTIAL_EVERY 10 /* frames (100 ms) between partial hypotheses */

static ps_decoder_t *open_decoder(const char *hmm, const char *dict, const char *kind, const char *file) {
    cmd_ln_t *config = cmd_ln_init(NULL, ps_args(), TRUE, "-hmm", hmm, "-dict", dict, kind, file,
                                   "-cmn", "live", "-logfn", "/dev/null", NULL);
    if (config == NULL) return NULL;
    return ps_init(config);
}

/*
 * Sums the acoustic score over the best path, so the two searches over the same frames can be
 * compared. Segments of the n-gram search come from its lattice, which keeps acoustic scores
 * shifted left by SENSCR_SHIFT (10 bits); the grammar search's segments are not shifted.
 */
static int32 path_ascr(ps_decoder_t *ps, int shift, int *frames) {
    int32 total = 0, ascr, lscr, lback;
    int sf, ef, first = -1, last = -1;
    ps_seg_t *seg;
    for (seg = ps_seg_iter(ps); seg; seg = ps_seg_next(seg)) {
        ps_seg_prob(seg, &ascr, &lscr, &lback);
        ps_seg_frames(seg, &sf, &ef);
        total += ascr >> shift;
        if (first < 0) first = sf;
        last = ef;
    }
    *frames = first < 0 ? 0 : last - first + 1;
    return total;
}

/*
 * Digital silence (exact zeros, as from sox padding or a muted browser track) makes the
 * front end take log(0) and decode erratically; one bit of fixed-seed noise keeps it defined
 * and the results repeatable.
 */
static void dither(int16 *pcm, size_t n) {
    static uint32_t state = 2463534242u;
    size_t i;
    for (i = 0; i < n; i++) {
        state ^= state << 13;
        state ^= state >> 17;
        state ^= state << 5;
        if (pcm[i] < 32767 && pcm[i] > -32768) pcm[i] += (int16)(state & 2) - 1;
    }
}

static int read_full(void *buf, size_t n) {
    return fread(buf, 1, n, stdin) == n;
}

int main(int argc, char **argv) {
    ps_decoder_t *gram, *open;
    unsigned char head[5];
    int16 *pcm = NULL;
    size_t cap = 0;
    int in_utt = 0, since_partial = 0;
    char last_partial[1024] = "";

    if (argc != 6) {
        fprintf(stderr, "usage: %s hmm grammar-dict jsgf lm-dict lm\n", argv[0]);
        return 2;
    }
#ifdef SCHED_IDLE
    {
        /* Below every normal task, not just niced: the bot server's 20 ms frame clock must win
         * the core the moment its timer fires, and a nice-10 decoder still held it for a few ms
         * per wake-up on a busy machine. Lowering one's own policy needs no privilege. */
        struct sched_param sp = {0};
        sched_setscheduler(0, SCHED_IDLE, &sp);
    }
#endif
    gram = open_decoder(argv[1], argv[2], "-jsgf", argv[3]);
    open = open_decoder(argv[1], argv[4], "-lm", argv[5]);
    if (gram == NULL || open == NULL) {
        fprintf(stderr, "could not load the pocketsphinx models\n");
        return 1;
    }
    printf("R\n");
    fflush(stdout);

    while (read_full(head, 5)) {
        uint32_t len = head[1] | (head[2] << 8) | (head[3] << 16) | ((uint32_t)head[4] << 24);
        if (len > cap) {
            cap = len;
            pcm = realloc(pcm, cap);
            if (pcm == NULL) return 1;
        }
        if (len > 0 && !read_full(pcm, len)) break;
        if (head[0] == 'A') {
            if (!in_utt) {
                ps_start_utt(gram);
                ps_start_utt(open);
                in_utt = 1;
                since_partial = 0;
                last_partial[0] = '\0';
            }
            dither(pcm, len / 2);
            ps_process_raw(gram, pcm, len / 2, FALSE, FALSE);
            ps_process_raw(open, pcm, len / 2, FALSE, FALSE);
            since_partial += (int)(len / 2 / 160);
            if (since_partial >= PARTIAL_EVERY) {
                const char *hyp = ps_get_hyp(gram, NULL);
                since_partial = 0;
                if (hyp && *hyp && strcmp(hyp, last_partial) != 0) {
                    strncpy(last_partial, hyp, sizeof last_partial - 1);
                    printf("P\t%s\n", hyp);
                    fflush(stdout);
                }
            }
        } else if (head[0] == 'E' || head[0] == 'X') {
            const char *ghyp, *lhyp;
            int32 gascr, lascr;
            int gframes, lframes;
            if (!in_utt) {
                printf(head[0] == 'E' ? "F\t\t0\t0\t\t0\t0\n" : "X\n");
                fflush(stdout);
                continue;
            }
            ps_end_utt(gram);
            ps_end_utt(open);
            in_utt = 0;
            if (head[0] == 'X') {
                printf("X\n"); /* partials before this line belong to the dropped utterance */
                fflush(stdout);
                continue;
            }
            ghyp = ps_get_hyp(gram, NULL);
            gascr = path_ascr(gram, 0, &gframes);
            lhyp = ps_get_hyp(open, NULL);
            lascr = path_ascr(open, 10, &lframes);
            printf("F\t%s\t%d\t%d\t%s\t%d\t%d\n", ghyp ? ghyp : "", gascr, gframes, lhyp ? lhyp : "",
                   lascr, lframes);
            fflush(stdout);
        }
    }
    ps_free(gram);
    ps_free(open);
    free(pcm);
    return 0;
}
