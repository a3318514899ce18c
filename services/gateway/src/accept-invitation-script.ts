/**
 * The script of the invitation page (accept-invitation-page.ts), served as `/accept-invitation.js`.
 * Plain browser JavaScript, kept as text like Swagger UI's initializer (api-docs.ts): the gateway has no
 * bundler for browser code. It writes text only (textContent), never HTML, so nothing an invitation
 * holds (a club's name) can become markup. Every failure ends in a visible message, never a blank page.
 */
export const ACCEPT_INVITATION_SCRIPT = String.raw`'use strict';
(function () {
  var $ = function (id) { return document.getElementById(id); };
  var token = new URLSearchParams(location.search).get('token') || '';
  var clubName = 'this club';

  function show(id, visible) { $(id).hidden = !visible; }

  function problem(message) {
    show('status', false);
    var box = $('problem');
    box.textContent = message;
    box.hidden = false;
    box.focus();
  }

  function minutes(answer) {
    var seconds = Number(answer.headers.get('retry-after')) || 60;
    var count = Math.max(1, Math.ceil(seconds / 60));
    return count === 1 ? 'a minute' : count + ' minutes';
  }

  // What each refusal means to the person holding the link.
  function explain(answer, body) {
    if (answer.status === 404) {
      return 'This invitation was not found. Check that you opened the whole link from the email, or ask the club\u2019s owner to invite you again.';
    }
    if (answer.status === 410) {
      // Auth says which, when it knows (data.state); a lost race of two acceptances does not.
      var state = body && body.data && body.data.state;
      if (state === 'accepted') {
        show('sign-in', true);
        return 'This invitation was already used. If you accepted it, sign in with its email address and your password.';
      }
      if (state === 'revoked') {
        return 'This invitation was withdrawn: the club\u2019s owner revoked it or sent you a newer one (use the newest email).';
      }
      if (state === 'expired') return 'This invitation has expired. Ask the club\u2019s owner to invite you again.';
      return 'This invitation was already used, revoked, or has expired. Ask the club\u2019s owner for a new one if you need it.';
    }
    if (answer.status === 429) return 'Too many attempts from here: try again in ' + minutes(answer) + '.';
    if (answer.status === 400 || answer.status === 409) {
      var reason = (body && body.reason) || 'The form was not accepted.';
      var fields = (body && Array.isArray(body.data) ? body.data : [])
        .map(function (field) { return field.field + ': ' + [].concat(field.errors || []).join(', '); });
      return fields.length ? reason + ' (' + fields.join('; ') + ')' : reason;
    }
    return 'The platform could not answer just now (' + answer.status + '). Try again in a moment.';
  }

  function call(url, options) {
    return fetch(url, Object.assign({ headers: { accept: 'application/json' } }, options)).then(
      function (answer) {
        return answer.json().then(
          function (body) { return { answer: answer, body: body }; },
          function () { return { answer: answer, body: null }; }
        );
      }
    );
  }

  var offline = function () {
    problem('The platform could not be reached. Check your connection and try again.');
  };

  function showInvitation(invitation) {
    clubName = invitation.club_name || clubName;
    $('club').textContent = invitation.club_name || '(unnamed club)';
    $('role').textContent = invitation.role;
    $('email').textContent = invitation.email;
    var expires = new Date(invitation.expires_at);
    $('expires').dateTime = invitation.expires_at;
    $('expires').textContent = expires.toLocaleString(undefined, { dateStyle: 'long', timeStyle: 'short' });
    show('status', false);
    show('invitation', true);
    show('new-account', !invitation.account_exists);
    show('existing-account', invitation.account_exists);
    // Only a new account's fields are asked for: the others are left out of the form's checks.
    ['name', 'password', 'password-again'].forEach(function (id) { $(id).disabled = invitation.account_exists; });
  }

  // The password rules auth applies (its common-password list aside), checked before the round trip.
  function formProblem() {
    if ($('new-account').hidden) return null;
    var password = $('password').value;
    if (!$('name').value.trim()) return ['name', 'Enter your name.'];
    if (password.length < 8 || !/\d/.test(password) || !/[^A-Za-z0-9\s]/.test(password)) {
      return ['password', 'The password needs at least 8 characters, a digit and a special character.'];
    }
    if (password !== $('password-again').value) return ['password-again', 'The two passwords differ.'];
    return null;
  }

  function accept(event) {
    event.preventDefault();
    var wrong = formProblem();
    ['name', 'password', 'password-again'].forEach(function (id) { $(id).removeAttribute('aria-invalid'); });
    if (wrong) {
      $(wrong[0]).setAttribute('aria-invalid', 'true');
      $('problem').textContent = wrong[1];
      $('problem').hidden = false;
      $(wrong[0]).focus();
      return;
    }
    var body = { token: token };
    if (!$('new-account').hidden) {
      body.name = $('name').value.trim();
      body.password = $('password').value;
    }
    var button = $('accept').querySelector('button');
    button.disabled = true;
    $('problem').hidden = true;
    call('/api/user/invitations/accept', {
      method: 'POST',
      headers: { accept: 'application/json', 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }).then(function (result) {
      button.disabled = false;
      if (!result.answer.ok) {
        // Gone or unknown now: the form has nothing left to do.
        if (result.answer.status === 404 || result.answer.status === 410) show('invitation', false);
        return problem(explain(result.answer, result.body));
      }
      // The answer holds a session for this page's origin, not the web app's: it is not kept.
      show('invitation', false);
      $('done-heading').textContent = 'You are now an officer of ' + clubName;
      show('done', true);
      show('sign-in', true);
      $('done-heading').focus();
    }, function () {
      button.disabled = false;
      offline();
    });
  }

  $('accept').addEventListener('submit', accept);
  if (!token) {
    problem('This link has no invitation in it. Open the link from the invitation email again, whole.');
    return;
  }
  call('/api/user/invitations/' + encodeURIComponent(token)).then(function (result) {
    if (!result.answer.ok || !result.body) return problem(explain(result.answer, result.body));
    showInvitation(result.body);
  }, offline);
})();
`;
