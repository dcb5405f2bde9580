/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * xframes: frame timing of an X11 window from the outside, for bench/gui.sh.
 *
 * Works for any toolkit (GTK 4 Taskscope and GTK 3 GNOME System Monitor are
 * measured the same way): a window's "frame" is a burst of drawing that the
 * DAMAGE extension reports on its top-level X window.  Times are
 * CLOCK_MONOTONIC microseconds, the clock g_get_monotonic_time() uses.
 *
 *   xframes first NAME TIMEOUT_S [PPM [X,Y,W,H [LIST_PPM]]]
 *       Print "ready", then wait for a top-level window whose title contains
 *       NAME to be mapped and then drawn; print "window 0xID mapped-us T
 *       first-damage-us T first-frame-us T list-frame-us T".  The first
 *       damage after the map is usually the X server filling the window
 *       with its background; the first frame is the first damage after
 *       which the window is not one colour (its pixels are read back),
 *       saved to PPM if given.  With a region (window coordinates), the
 *       list frame is the first after which that region is not one colour
 *       either: rows of text have arrived (saved to LIST_PPM).
 *   xframes input WINID PID SPEC QUIET_MS TIMEOUT_S
 *       Inject input with XTest (as xdotool does) and time the frames drawn
 *       until the window has drawn nothing for QUIET_MS.  SPEC is one of
 *         wheel:N:INTERVAL_MS      N clicks of button 5 (scroll down)
 *         key:KEYSYM:N:INTERVAL_MS N presses of KEYSYM (e.g. Page_Down)
 *         click:X:Y                one left click at root X,Y
 *       Prints one line of key=value pairs: events, frames, latency_ms (first
 *       event to first frame), busy_ms (first event to last frame),
 *       lag_ms (last event to last frame), gap_median_ms, gap_p95_ms,
 *       gap_max_ms (between frames while events were coming in and until the
 *       last frame), cpu_ms (the PID's utime+stime from the first event until
 *       the quiet end).
 *       The app's own refresh ticks also draw; QUIET_MS shorter than the
 *       refresh interval keeps them mostly out.  The first frame is waited
 *       for up to 5 s, however long QUIET_MS is.
 *   xframes trace NAME SECONDS
 *       Debugging: print "ready", then every damage rectangle of the first
 *       window whose title contains NAME, from its map on, for SECONDS.
 *   XFRAMES_DEBUG=1 in the environment makes "first" log each damage event
 *   to stderr.
 *
 * Build: cc -O2 -o xframes xframes.c -lX11 -lXdamage -lXfixes -lXtst
 */
#define _GNU_SOURCE
#include <X11/Xatom.h>
#include <X11/Xlib.h>
#include <X11/Xutil.h>
#include <X11/extensions/Xdamage.h>
#include <X11/extensions/XTest.h>
#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

/* Damage reports closer together than this belong to the same frame. */
#define SAME_FRAME_US 3000
#define MAX_FRAMES 100000
#define FIRST_FRAME_WAIT_US 5000000

static int damage_event_base, damage_error_base;

static long long
now_us (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  return (long long) ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

static int
ignore_errors (Display *dpy, XErrorEvent *ev)
{
  (void) dpy;
  (void) ev;
  return 0;   /* windows come and go while we look at them */
}

static int
title_contains (Display *dpy, Window w, const char *needle)
{
  Atom net_wm_name = XInternAtom (dpy, "_NET_WM_NAME", False);
  Atom utf8 = XInternAtom (dpy, "UTF8_STRING", False);
  Atom type;
  int format, found = 0;
  unsigned long n, after;
  unsigned char *data = NULL;
  char *name = NULL;

  if (XGetWindowProperty (dpy, w, net_wm_name, 0, 1024, False, utf8, &type, &format,
                          &n, &after, &data) == Success && data != NULL)
    {
      found = strstr ((char *) data, needle) != NULL;
      XFree (data);
    }
  if (!found && XFetchName (dpy, w, &name) && name != NULL)
    {
      found = strstr (name, needle) != NULL;
      XFree (name);
    }
  return found;
}

/* Wait for the next X event up to deadline_us; 0 on timeout. */
static int
next_event (Display *dpy, XEvent *ev, long long deadline_us)
{
  while (!XPending (dpy))
    {
      long long left = deadline_us - now_us ();
      struct pollfd pfd = { .fd = ConnectionNumber (dpy), .events = POLLIN };

      if (left <= 0)
        return 0;
      if (poll (&pfd, 1, (int) ((left + 999) / 1000)) < 0 && errno != EINTR)
        return 0;
    }
  XNextEvent (dpy, ev);
  return 1;
}

/* A window that is one colour is the server's background fill on map, not
 * a frame the app drew.  Only the colour counts: a GTK 3 window with an
 * alpha channel may differ in alpha alone, which nobody sees without a
 * compositor. */
static int
image_is_blank (XImage *img)
{
  unsigned long rgb = img->red_mask | img->green_mask | img->blue_mask;
  unsigned long first = XGetPixel (img, 0, 0) & rgb;

  for (int y = 0; y < img->height; y += 2)
    for (int x = 0; x < img->width; x += 2)
      if ((XGetPixel (img, x, y) & rgb) != first)
        return 0;
  return 1;
}

static void
write_ppm (XImage *img, const char *path)
{
  FILE *f;
  unsigned long rm = img->red_mask, gm = img->green_mask, bm = img->blue_mask;
  int rs = __builtin_ctzl (rm), gs = __builtin_ctzl (gm), bs = __builtin_ctzl (bm);

  if (path == NULL || (f = fopen (path, "wb")) == NULL)
    return;
  fprintf (f, "P6\n%d %d\n255\n", img->width, img->height);
  for (int y = 0; y < img->height; y++)
    for (int x = 0; x < img->width; x++)
      {
        unsigned long p = XGetPixel (img, x, y);
        unsigned char px[3] = { (p & rm) >> rs, (p & gm) >> gs, (p & bm) >> bs };

        fwrite (px, 1, 3, f);
      }
  fclose (f);
}

/* The window's pixels in a rectangle (all of it when w == 0), clipped to
 * the screen: GetImage fails on a window's parts outside it (a GTK 3 window
 * with client-side decorations sits at -5,-5).  NULL on failure. */
static XImage *
grab (Display *dpy, Window win, int x, int y, int w, int h)
{
  XWindowAttributes attr;
  Window child;
  int sx, sy, x1, y1;

  if (!XGetWindowAttributes (dpy, win, &attr)
      || !XTranslateCoordinates (dpy, win, attr.root, 0, 0, &sx, &sy, &child))
    return NULL;
  if (w == 0)
    x = 0, y = 0, w = attr.width, h = attr.height;
  x1 = x + w;
  y1 = y + h;
  if (x < -sx) x = -sx;
  if (y < -sy) y = -sy;
  if (x1 > WidthOfScreen (attr.screen) - sx) x1 = WidthOfScreen (attr.screen) - sx;
  if (y1 > HeightOfScreen (attr.screen) - sy) y1 = HeightOfScreen (attr.screen) - sy;
  if (x1 > attr.width) x1 = attr.width;
  if (y1 > attr.height) y1 = attr.height;
  if (x1 <= x || y1 <= y)
    return NULL;
  return XGetImage (dpy, win, x, y, x1 - x, y1 - y, AllPlanes, ZPixmap);
}

/* When the pixels just read back are the first of their kind: the drawing
 * that produced them reached the server at or before the damage event at
 * @t, unless another damage event came in while the image was on its way;
 * then the frame ended only now. */
static long long
frame_time (Display *dpy, Window win, long long t)
{
  XEvent later;

  if (XCheckTypedWindowEvent (dpy, win, damage_event_base + XDamageNotify, &later))
    {
      XPutBackEvent (dpy, &later);
      return now_us ();
    }
  return t;
}

static int
cmd_first (Display *dpy, const char *needle, double timeout_s, const char *ppm,
           const char *region, const char *list_ppm)
{
  Window root = DefaultRootWindow (dpy);
  Window mapped = None;
  long long mapped_us = 0, damage_us = 0, frame_us = 0, list_us = 0;
  long long deadline = now_us () + (long long) (timeout_s * 1e6);
  int rx = 0, ry = 0, rw = 0, rh = 0;
  XEvent ev;

  if (region != NULL && (sscanf (region, "%d,%d,%d,%d", &rx, &ry, &rw, &rh) != 4 || rw <= 0 || rh <= 0))
    {
      fprintf (stderr, "xframes: bad region %s (want X,Y,W,H)\n", region);
      return 2;
    }
  XSelectInput (dpy, root, SubstructureNotifyMask);
  XSync (dpy, False);
  printf ("ready\n");
  fflush (stdout);

  while (next_event (dpy, &ev, deadline))
    {
      long long t = now_us ();

      if (ev.type == CreateNotify && !ev.xcreatewindow.override_redirect)
        {
          /* Track drawing from the start; only what follows the map counts. */
          XDamageCreate (dpy, ev.xcreatewindow.window, XDamageReportNonEmpty);
        }
      else if (ev.type == MapNotify && mapped == None && !ev.xmap.override_redirect
               && ev.xmap.event == root && title_contains (dpy, ev.xmap.window, needle))
        {
          mapped = ev.xmap.window;
          mapped_us = t;
        }
      else if (ev.type == damage_event_base + XDamageNotify)
        {
          XDamageNotifyEvent *dev = (XDamageNotifyEvent *) &ev;
          XImage *img;

          XDamageSubtract (dpy, dev->damage, None, None);
          if (mapped == None || dev->drawable != mapped)
            continue;
          if (damage_us == 0)
            damage_us = t;
          if (frame_us == 0 && (img = grab (dpy, mapped, 0, 0, 0, 0)) != NULL)
            {
              if (!image_is_blank (img))
                {
                  frame_us = frame_time (dpy, mapped, t);
                  write_ppm (img, ppm);
                }
              XDestroyImage (img);
            }
          if (frame_us != 0 && region != NULL && list_us == 0
              && (img = grab (dpy, mapped, rx, ry, rw, rh)) != NULL)
            {
              if (!image_is_blank (img))
                {
                  XImage *all;

                  list_us = frame_time (dpy, mapped, t);
                  if (list_ppm != NULL && (all = grab (dpy, mapped, 0, 0, 0, 0)) != NULL)
                    {
                      write_ppm (all, list_ppm);
                      XDestroyImage (all);
                    }
                }
              XDestroyImage (img);
            }
          if (getenv ("XFRAMES_DEBUG") != NULL)
            fprintf (stderr, "damage %lld %dx%d+%d+%d frame %lld list %lld\n", t,
                     dev->area.width, dev->area.height, dev->area.x, dev->area.y, frame_us, list_us);
          if (frame_us != 0 && (region == NULL || list_us != 0))
            break;
        }
    }
  if (mapped == None)
    {
      printf ("timeout\n");
      return 1;
    }
  printf ("window 0x%lx mapped-us %lld first-damage-us %lld first-frame-us %lld list-frame-us %lld\n",
          (unsigned long) mapped, mapped_us, damage_us ? damage_us : -1,
          frame_us ? frame_us : -1, list_us ? list_us : -1);
  return frame_us != 0 ? 0 : 1;
}

/* Debugging aid: every damage rectangle of the first matching window, from
 * its map on, for SECONDS. */
static int
cmd_trace (Display *dpy, const char *needle, double seconds)
{
  Window root = DefaultRootWindow (dpy);
  Window mapped = None;
  long long t0 = now_us (), deadline = t0 + (long long) (seconds * 1e6);
  XEvent ev;

  XSelectInput (dpy, root, SubstructureNotifyMask);
  XSync (dpy, False);
  printf ("ready\n");
  fflush (stdout);
  while (next_event (dpy, &ev, deadline))
    {
      long long t = now_us ();

      if (ev.type == CreateNotify && !ev.xcreatewindow.override_redirect)
        XDamageCreate (dpy, ev.xcreatewindow.window, XDamageReportRawRectangles);
      else if (ev.type == MapNotify && mapped == None && !ev.xmap.override_redirect
               && ev.xmap.event == root && title_contains (dpy, ev.xmap.window, needle))
        {
          mapped = ev.xmap.window;
          printf ("%lld map 0x%lx\n", t, (unsigned long) mapped);
        }
      else if (ev.type == damage_event_base + XDamageNotify)
        {
          XDamageNotifyEvent *dev = (XDamageNotifyEvent *) &ev;

          if (mapped != None && dev->drawable == mapped)
            printf ("%lld damage %dx%d+%d+%d\n", t, dev->area.width, dev->area.height,
                    dev->area.x, dev->area.y);
        }
      fflush (stdout);
    }
  return 0;
}

static long long
proc_cpu_us (int pid)
{
  char path[64], buf[4096];
  FILE *f;
  size_t n;
  char *p;
  unsigned long long utime, stime;

  snprintf (path, sizeof path, "/proc/%d/stat", pid);
  if ((f = fopen (path, "r")) == NULL)
    return -1;
  n = fread (buf, 1, sizeof buf - 1, f);
  fclose (f);
  buf[n] = '\0';
  if ((p = strrchr (buf, ')')) == NULL)
    return -1;
  /* after ") ": state(3) ... utime(14) stime(15) */
  if (sscanf (p + 2, "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %llu %llu",
              &utime, &stime) != 2)
    return -1;
  return (long long) (utime + stime) * 1000000 / sysconf (_SC_CLK_TCK);
}

static int
cmp_ll (const void *a, const void *b)
{
  long long x = *(const long long *) a, y = *(const long long *) b;

  return (x > y) - (x < y);
}

static int
cmd_input (Display *dpy, Window win, int pid, const char *spec, int quiet_ms, double timeout_s)
{
  static long long frames[MAX_FRAMES];
  char keyname[64] = "";
  int count = 1, interval_ms = 0, x = 0, y = 0, kind;
  int nframes = 0, sent = 0, event;
  long long first_ev = 0, last_ev = 0, next_ev, deadline, quiet_us = quiet_ms * 1000LL;
  long long cpu0, cpu1;
  KeyCode keycode = 0;
  Damage damage;
  XEvent ev;

  if (sscanf (spec, "wheel:%d:%d", &count, &interval_ms) == 2)
    kind = 'w';
  else if (sscanf (spec, "key:%63[^:]:%d:%d", keyname, &count, &interval_ms) == 3)
    {
      KeySym sym = XStringToKeysym (keyname);

      kind = 'k';
      if (sym == NoSymbol || (keycode = XKeysymToKeycode (dpy, sym)) == 0)
        {
          fprintf (stderr, "xframes: unknown key %s\n", keyname);
          return 2;
        }
    }
  else if (sscanf (spec, "click:%d:%d", &x, &y) == 2)
    kind = 'c', count = 1;
  else
    {
      fprintf (stderr, "xframes: bad input spec %s\n", spec);
      return 2;
    }

  damage = XDamageCreate (dpy, win, XDamageReportNonEmpty);
  XSync (dpy, False);
  /* A click's pointer goes there first: the hover effect it draws is not
   * the answer to the click. */
  if (kind == 'c')
    {
      XTestFakeMotionEvent (dpy, -1, x, y, CurrentTime);
      XSync (dpy, False);
    }
  /* Let pending drawing drain, so the count starts clean. */
  deadline = now_us () + (kind == 'c' ? 300000 : 50000);
  while (next_event (dpy, &ev, deadline))
    if (ev.type == damage_event_base + XDamageNotify)
      XDamageSubtract (dpy, damage, None, None);

  cpu0 = proc_cpu_us (pid);
  next_ev = now_us ();
  deadline = next_ev + (long long) (timeout_s * 1e6);
  for (;;)
    {
      long long t = now_us (), wait_until;

      if (sent < count && t >= next_ev)
        {
          if (kind == 'w')
            {
              XTestFakeButtonEvent (dpy, 5, True, CurrentTime);
              XTestFakeButtonEvent (dpy, 5, False, CurrentTime);
            }
          else if (kind == 'k')
            {
              XTestFakeKeyEvent (dpy, keycode, True, CurrentTime);
              XTestFakeKeyEvent (dpy, keycode, False, CurrentTime);
            }
          else
            {
              XTestFakeButtonEvent (dpy, 1, True, CurrentTime);
              XTestFakeButtonEvent (dpy, 1, False, CurrentTime);
            }
          XFlush (dpy);
          if (sent == 0)
            first_ev = t;
          last_ev = t;
          sent++;
          next_ev = first_ev + (long long) sent * interval_ms * 1000;
          continue;
        }

      if (sent < count)
        wait_until = next_ev;
      else
        {
          long long since = nframes > 0 && frames[nframes - 1] > last_ev ? frames[nframes - 1] : last_ev;
          /* A busy app may take longer than QUIET_MS to draw its first
           * answer: give that up to FIRST_FRAME_WAIT_US. */
          long long quiet = nframes == 0 ? FIRST_FRAME_WAIT_US : quiet_us;

          if (t - since >= quiet || t >= deadline)
            break;
          wait_until = since + quiet;
        }
      if (wait_until > deadline)
        wait_until = deadline;

      event = next_event (dpy, &ev, wait_until);
      if (event && ev.type == damage_event_base + XDamageNotify)
        {
          long long ft = now_us ();

          XDamageSubtract (dpy, damage, None, None);
          if (nframes > 0 && ft - frames[nframes - 1] < SAME_FRAME_US)
            frames[nframes - 1] = ft;   /* same burst: the frame ends later */
          else if (nframes < MAX_FRAMES)
            frames[nframes++] = ft;
        }
    }
  cpu1 = proc_cpu_us (pid);
  XDamageDestroy (dpy, damage);

  {
    long long gaps[MAX_FRAMES];
    int ngaps = 0;
    long long prev = first_ev;
    double med = 0, p95 = 0, max = 0;

    for (int i = 0; i < nframes; i++)
      {
        gaps[ngaps++] = frames[i] - prev;
        prev = frames[i];
      }
    if (ngaps > 0)
      {
        qsort (gaps, ngaps, sizeof gaps[0], cmp_ll);
        med = gaps[ngaps / 2] / 1000.0;
        p95 = gaps[(int) ((ngaps - 1) * 0.95)] / 1000.0;
        max = gaps[ngaps - 1] / 1000.0;
      }
    printf ("events=%d frames=%d latency_ms=%.1f busy_ms=%.1f lag_ms=%.1f "
            "gap_median_ms=%.1f gap_p95_ms=%.1f gap_max_ms=%.1f cpu_ms=%.0f\n",
            sent, nframes,
            nframes > 0 ? (frames[0] - first_ev) / 1000.0 : -1.0,
            nframes > 0 ? (frames[nframes - 1] - first_ev) / 1000.0 : -1.0,
            nframes > 0 ? (frames[nframes - 1] - last_ev) / 1000.0 : -1.0,
            med, p95, max,
            cpu0 >= 0 && cpu1 >= 0 ? (cpu1 - cpu0) / 1000.0 : -1.0);
  }
  return nframes > 0 ? 0 : 1;
}

int
main (int argc, char **argv)
{
  Display *dpy;
  int major, minor;

  if (argc < 2)
    goto usage;
  if ((dpy = XOpenDisplay (NULL)) == NULL)
    {
      fprintf (stderr, "xframes: cannot open display\n");
      return 2;
    }
  if (!XDamageQueryExtension (dpy, &damage_event_base, &damage_error_base)
      || !XDamageQueryVersion (dpy, &major, &minor))
    {
      fprintf (stderr, "xframes: no DAMAGE extension\n");
      return 2;
    }
  XSetErrorHandler (ignore_errors);

  if (strcmp (argv[1], "first") == 0 && argc >= 4 && argc <= 7)
    return cmd_first (dpy, argv[2], atof (argv[3]),
                      argc > 4 && argv[4][0] ? argv[4] : NULL,
                      argc > 5 && argv[5][0] ? argv[5] : NULL,
                      argc > 6 && argv[6][0] ? argv[6] : NULL);
  if (strcmp (argv[1], "trace") == 0 && argc == 4)
    return cmd_trace (dpy, argv[2], atof (argv[3]));
  if (strcmp (argv[1], "input") == 0 && argc == 7)
    return cmd_input (dpy, (Window) strtoul (argv[2], NULL, 0), atoi (argv[3]), argv[4],
                      atoi (argv[5]), atof (argv[6]));
usage:
  fprintf (stderr, "usage: xframes first NAME TIMEOUT_S [PPM [X,Y,W,H [LIST_PPM]]]\n"
                   "       xframes trace NAME SECONDS\n"
                   "       xframes input WINID PID SPEC QUIET_MS TIMEOUT_S\n");
  return 2;
}
